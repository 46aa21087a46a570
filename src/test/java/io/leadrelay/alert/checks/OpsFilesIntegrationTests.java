package io.leadrelay.alert.checks;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.leadrelay.form.LeadForm;
import io.leadrelay.form.LeadForms;
import io.leadrelay.mapping.Mappings;
import io.leadrelay.support.LeadRelayIntegrationTest;
import io.leadrelay.support.LeadgenPayloads;
import io.leadrelay.support.TableCleaner;
import io.leadrelay.support.WebhookClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.yaml.snakeyaml.Yaml;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;

import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Prometheus rules and the Grafana dashboard in {@code ops/} name only metrics the
 * engine has: after a webhook and a delivery, the engine's /actuator/prometheus shows
 * every metric their queries use. Renaming a metric breaks this test until the files
 * follow.
 */
@AutoConfigureObservability
@LeadRelayIntegrationTest
@TestPropertySource(properties = "leadrelay.security.management-token=" + OpsFilesIntegrationTests.MANAGEMENT_TOKEN)
class OpsFilesIntegrationTests {

	static final String MANAGEMENT_TOKEN = "management-token-of-the-ops-files-tests-0123";

	static final Path RULES = Path.of("ops/prometheus/leadrelay-alerts.yml");

	static final Path DASHBOARD = Path.of("ops/grafana/leadrelay.json");

	/** Made by Prometheus itself for each scrape, not by the engine. */
	static final Set<String> PROMETHEUS_OWN = Set.of("up");

	private static final Set<String> KEYWORDS = Set.of("and", "or", "unless", "bool", "offset", "inf", "nan");

	private static final Pattern IDENTIFIER = Pattern.compile("([a-zA-Z_:][a-zA-Z0-9_:]*)\\s*(\\()?");

	@RegisterExtension
	static WireMockExtension hubspot = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

	@LocalServerPort
	int port;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	Mappings mappings;

	@Autowired
	LeadForms forms;

	final ObjectMapper json = new ObjectMapper();

	@Test
	void everyMetricTheRulesAndTheDashboardNameExistsOnARunningEngine() throws IOException {
		Set<String> named = new TreeSet<>(ruleMetrics());
		named.addAll(dashboardMetrics());
		assertThat(named).as("the queries were read")
			.contains("leadrelay_webhook_rejected_total", "leadrelay_webhook_request_seconds_bucket",
					"leadrelay_deliveries_total", "leadrelay_deliveries_oldest_queued_age_seconds",
					"leadrelay_delivery_attempts_seconds_count", "hikaricp_connections_pending",
					"jvm_memory_used_bytes", "up");
		TableCleaner.deleteAll(this.jdbc);
		WebhookClient client = new WebhookClient(this.port);
		assertThat(
				client.postSigned(LeadRelayIntegrationTest.APP_SECRET, LeadgenPayloads.notification("930100000000001"))
					.statusCode())
			.isEqualTo(200);
		deliverATestLead(client);

		HttpResponse<String> scrape = client
			.send(client.request("/actuator/prometheus").header("Authorization", "Bearer " + MANAGEMENT_TOKEN));
		assertThat(scrape.statusCode()).isEqualTo(200);
		Set<String> exposed = exposedMetrics(scrape.body());
		named.removeAll(PROMETHEUS_OWN);
		assertThat(exposed).as("metrics on /actuator/prometheus").containsAll(named);
	}

	@Test
	void findsTheMetricsOfAQueryButNotItsFunctionsLabelsOrVariables() {
		assertThat(
				metrics("""
						sum by (destination, le) (rate(leadrelay_a_total{outcome=~"dead|x", instance=~"$instance"}[$__rate_interval]))
						/ clamp_min(sum without (x) (increase(leadrelay_b_seconds_count[30m])), 1) > 0.1 and on(instance) up == 0"""))
			.containsExactlyInAnyOrder("leadrelay_a_total", "leadrelay_b_seconds_count", "up");
	}

	private void deliverATestLead(WebhookClient client) {
		hubspot.stubFor(post("/crm/v3/objects/contacts/batch/upsert").willReturn(
				okJson("""
						{"status":"COMPLETE","results":[{"id":"512","properties":{"email":"leadrelay-test@example.com"},"new":true}]}""")));
		assertThat(client
			.call("POST", "/api/v1/destinations",
					"""
							{"id":"hubspot-main","name":"HubSpot","type":"hubspot","settings":{"baseUrl":"%s"},
							 "credentials":{"accessToken":"pat-na1-11111111-2222-3333-4444-555555555555"}}"""
						.formatted(hubspot.baseUrl()),
					"admin", LeadRelayIntegrationTest.ADMIN_PASSWORD)
			.statusCode()).isEqualTo(201);
		this.forms.replaceForPage(
				"100000000000001", List.of(new LeadForm("700000000000011", "100000000000001", "Solar DE", "ACTIVE",
						"de_DE", List.of(new LeadForm.Question("email", "Email", "EMAIL")), Instant.now())),
				Instant.now());
		this.mappings.create("""
				id: hubspot-contacts
				destination: hubspot-main
				match:
				  forms: ["700000000000011"]
				fields:
				  email: {answer: email, required: true}
				""", "admin");
		HttpResponse<String> sent = client.call("POST", "/api/v1/mappings/hubspot-contacts/test-lead", "{}", "admin",
				LeadRelayIntegrationTest.ADMIN_PASSWORD);
		assertThat(sent.statusCode()).as(sent.body()).isEqualTo(200);
		assertThat(sent.body()).contains("\"status\":\"delivered\"");
	}

	@SuppressWarnings("unchecked")
	private static Set<String> ruleMetrics() throws IOException {
		Map<String, Object> rules = new Yaml().load(Files.readString(RULES));
		Set<String> names = new TreeSet<>();
		for (Map<String, Object> group : (List<Map<String, Object>>) rules.get("groups")) {
			for (Map<String, Object> rule : (List<Map<String, Object>>) group.get("rules")) {
				names.addAll(metrics((String) rule.get("expr")));
			}
		}
		return names;
	}

	private Set<String> dashboardMetrics() throws IOException {
		JsonNode dashboard = this.json.readTree(DASHBOARD.toFile());
		Set<String> names = new TreeSet<>();
		dashboard.path("panels")
			.forEach((panel) -> panel.path("targets")
				.forEach((target) -> names.addAll(metrics(target.path("expr").asText()))));
		// label_values(metric, label): only its first argument is a metric.
		dashboard.path("templating").path("list").forEach((variable) -> {
			Matcher labelValues = Pattern.compile("label_values\\(\\s*([a-zA-Z_:][a-zA-Z0-9_:]*)")
				.matcher(variable.path("query").path("query").asText());
			if (labelValues.find()) {
				names.add(labelValues.group(1));
			}
		});
		return names;
	}

	/** The metric names of a PromQL query. */
	static Set<String> metrics(String query) {
		String bare = query.replaceAll("\"(?:[^\"\\\\]|\\\\.)*\"", "\"\"")
			.replaceAll("\\{[^}]*}", " ")
			.replaceAll("\\[[^]]*]", " ")
			.replaceAll("\\b(by|without|on|ignoring|group_left|group_right)\\s*\\([^)]*\\)", " ")
			.replaceAll("\\$\\w+", " ");
		Set<String> names = new TreeSet<>();
		Matcher identifier = IDENTIFIER.matcher(bare);
		while (identifier.find()) {
			String name = identifier.group(1);
			boolean function = identifier.group(2) != null;
			boolean number = identifier.start() > 0 && Character.isDigit(bare.charAt(identifier.start() - 1));
			if (!function && !number && !KEYWORDS.contains(name)) {
				names.add(name);
			}
		}
		return names;
	}

	private static Set<String> exposedMetrics(String scrape) {
		Set<String> names = new TreeSet<>();
		scrape.lines()
			.filter((line) -> !line.isBlank() && !line.startsWith("#"))
			.map((line) -> line.split("[{ ]", 2)[0])
			.forEach(names::add);
		return names;
	}

}
