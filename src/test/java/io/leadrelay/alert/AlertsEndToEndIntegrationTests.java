package io.leadrelay.alert;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetupTest;
import io.leadrelay.support.ApiSetup;
import io.leadrelay.support.LeadRelayIntegrationTest;
import io.leadrelay.support.TemporaryFolders;
import io.leadrelay.support.LeadgenPayloads;
import io.leadrelay.support.WebhookClient;
import io.leadrelay.support.GraphBatchStandIn;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.ok;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The whole way, on the running engine with its alert route on: HubSpot (WireMock)
 * refuses the access token a lead is delivered with, the destination needs new
 * credentials, and the alert route's round tells the email channel (GreenMail) and the
 * Slack-style webhook (WireMock) once; new credentials resolve it, with a "resolved"
 * message to both.
 */
@LeadRelayIntegrationTest
@TestPropertySource(properties = { "leadrelay.pipeline.enabled=true", "leadrelay.delivery.enabled=true",
		"leadrelay.pipeline.poll-interval=200ms", "leadrelay.delivery.poll-interval=200ms",
		"leadrelay.alerts.check-interval=10s", "leadrelay.alerts.resolve-after=5m", "spring.mail.host=127.0.0.1",
		"leadrelay.alerts.allow-plain-http=true", "leadrelay.alerts.from=leadrelay@example.com" })
class AlertsEndToEndIntegrationTests {

	static final String PASSWORD = LeadRelayIntegrationTest.ADMIN_PASSWORD;

	static final String TITLE = "HubSpot (main) refuses its credentials";

	@RegisterExtension
	static GreenMailExtension mail = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort())
		.withPerMethodLifecycle(false);

	@RegisterExtension
	static WireMockExtension slack = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

	@RegisterExtension
	static WireMockExtension graph = GraphBatchStandIn.wireMock();

	@RegisterExtension
	static WireMockExtension hubspot = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

	@DynamicPropertySource
	static void standIns(DynamicPropertyRegistry registry) {
		registry.add("spring.mail.port", () -> mail.getSmtp().getPort());
		registry.add("leadrelay.graph.base-url", graph::baseUrl);
		registry.add("leadrelay.mapping.directory", AlertsEndToEndIntegrationTests::mappingDirectory);
	}

	@LocalServerPort
	int port;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	AlertChannels channels;

	@Autowired
	AlertRound round;

	@Test
	void aRefusedAccessTokenAlertsEveryChannelOnceAndNewCredentialsResolveIt() throws Exception {
		WebhookClient client = new WebhookClient(this.port);
		addChannels();
		stubGraphAndRefusingHubSpot();
		ApiSetup.addHubSpot(client, "HubSpot (main)", hubspot.baseUrl(),
				"pat-na1-11111111-2222-3333-4444-555555555555");
		ApiSetup.addPage(client, "Acme", "EAAG-alerts");

		assertThat(client
			.postSigned(LeadRelayIntegrationTest.APP_SECRET, LeadgenPayloads.notification(List.of("920000000000601")))
			.statusCode()).isEqualTo(200);

		// The route's round (every 10 s here) finds the refused token.
		await().atMost(Duration.ofSeconds(40)).until(() -> subjects().contains("LeadRelay alert: " + TITLE));
		// The webhook is told after the email.
		await().atMost(Duration.ofSeconds(10))
			.untilAsserted(() -> slack.verify(1, postRequestedFor(urlPathEqualTo("/services/T0/B0/alerts"))
				.withRequestBody(containing("LeadRelay alert: " + TITLE))));
		MimeMessage alert = mail.getReceivedMessages()[0];
		assertThat(GreenMailUtil.getBody(alert)).contains("/destinations/hubspot-main")
			.doesNotContain("alerted.person@example.com");
		assertThat(client.get("/api/v1/alerts", "admin", PASSWORD).body()).contains(TITLE);
		this.round.run();
		this.round.run();
		assertThat(subjects()).as("one alert per incident, however many rounds").hasSize(1);

		hubspot.stubFor(post("/crm/v3/objects/contacts/batch/upsert")
			.willReturn(okJson("{\"status\":\"COMPLETE\",\"results\":[]}")));
		assertThat(client
			.call("PUT", "/api/v1/destinations/hubspot-main",
					"{\"credentials\":{\"accessToken\":\"pat-na1-99999999-2222-3333-4444-555555555555\"}}", "admin",
					PASSWORD)
			.statusCode()).isEqualTo(200);

		// Gone for less than resolve-after: still open, no message yet.
		this.round.run();
		assertThat(subjects()).hasSize(1);
		assertThat(client.get("/api/v1/alerts", "admin", PASSWORD).body()).contains(TITLE);
		this.jdbc.update("UPDATE alert_incident SET absent_since = absent_since - INTERVAL '6' MINUTE");
		this.round.run();
		assertThat(subjects()).contains("LeadRelay resolved: " + TITLE);
		slack.verify(postRequestedFor(urlPathEqualTo("/services/T0/B0/alerts"))
			.withRequestBody(containing("LeadRelay resolved: " + TITLE)));
		assertThat(this.jdbc.queryForList("SELECT action FROM audit_event WHERE subject_type = 'alert' ORDER BY id",
				String.class))
			.containsExactly("alert.raised", "alert.resolved");
		assertThat(client.get("/api/v1/alerts", "admin", PASSWORD).body()).doesNotContain(TITLE);
	}

	private void addChannels() {
		this.channels.addEmail("Sales ops", "ops@example.com", "admin");
		slack.stubFor(post("/services/T0/B0/alerts").willReturn(ok("ok")));
		this.channels.addWebhook("#leads", slack.baseUrl() + "/services/T0/B0/alerts", "admin");
	}

	private static void stubGraphAndRefusingHubSpot() {
		ApiSetup.stubValidPageToken(graph);
		graph.stubFor(get(urlPathEqualTo("/v26.0/920000000000601")).willReturn(okJson("""
				{"id":"920000000000601","created_time":"2026-11-23T10:00:00+0000","form_id":"700000000000011",
				 "field_data":[{"name":"email","values":["alerted.person@example.com"]}]}""")));
		hubspot.stubFor(post("/crm/v3/objects/contacts/batch/upsert").willReturn(aResponse().withStatus(401)
			.withHeader("Content-Type", "application/json")
			.withBody("{\"status\":\"error\",\"category\":\"INVALID_AUTHENTICATION\",\"message\":\"expired\"}")));
	}

	private static List<String> subjects() {
		return Arrays.stream(mail.getReceivedMessages()).map((message) -> {
			try {
				return message.getSubject();
			}
			catch (MessagingException ex) {
				throw new IllegalStateException(ex);
			}
		}).toList();
	}

	private static String mappingDirectory() {
		return TemporaryFolders.withFile("mappings", "contacts.yaml", """
				id: hubspot-contacts
				destination: hubspot-main
				match:
				  forms: ["700000000000011"]
				fields:
				  email: {answer: email, transforms: [trim, lower], required: true}
				""");
	}

}
