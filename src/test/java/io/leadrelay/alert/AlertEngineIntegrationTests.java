package io.leadrelay.alert;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import javax.sql.DataSource;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetupTest;
import io.leadrelay.audit.AuditLog;
import io.leadrelay.support.LeadRelayIntegrationTest;
import io.leadrelay.support.TableCleaner;
import io.leadrelay.support.WebhookClient;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DelegatingDataSource;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.ok;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The alert engine against the running engine: GreenMail as the SMTP server, WireMock as
 * a Slack incoming webhook, and an alert check whose conditions the test sets.
 */
@LeadRelayIntegrationTest
@TestPropertySource(properties = { "spring.mail.host=127.0.0.1", "leadrelay.alerts.allow-plain-http=true",
		"leadrelay.alerts.from=leadrelay@example.com", "leadrelay.alerts.public-url=https://leads.example.com" })
class AlertEngineIntegrationTests {

	@RegisterExtension
	static GreenMailExtension mail = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort())
		.withPerMethodLifecycle(false);

	@RegisterExtension
	static WireMockExtension slack = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

	@DynamicPropertySource
	static void mailServer(DynamicPropertyRegistry registry) {
		registry.add("spring.mail.port", () -> mail.getSmtp().getPort());
	}

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	AlertChannels channels;

	@Autowired
	AlertRound round;

	@Autowired
	ControlledCheck check;

	@Autowired
	DataSource dataSource;

	@Autowired
	AuditLog audit;

	@Autowired
	AlertsProperties properties;

	@LocalServerPort
	int port;

	@BeforeEach
	void clean() throws Exception {
		TableCleaner.deleteAll(this.jdbc);
		mail.purgeEmailFromAllMailboxes();
		slack.resetAll();
		this.check.conditions.clear();
		this.check.failing = false;
	}

	@Test
	void sendsATestAlertByEmailThroughTheMailServer() throws Exception {
		ChannelView ops = this.channels.addEmail("Ops", "ops@example.com, lead@example.com", "admin");

		SendResult result = this.channels.test(ops.id(), "admin");

		assertThat(result.sent()).as(result.message()).isTrue();
		assertThat(result.message()).contains("ops@example.com");
		MimeMessage[] received = mail.getReceivedMessages();
		assertThat(received).hasSize(2);
		assertThat(received[0].getSubject()).isEqualTo("LeadRelay test alert");
		assertThat(received[0].getFrom()[0].toString()).isEqualTo("leadrelay@example.com");
		assertThat(GreenMailUtil.getBody(received[0])).contains("sent by admin");
		assertThat(this.jdbc.queryForList("SELECT action FROM audit_event ORDER BY id", String.class))
			.containsExactly("alert_channel.created", "alert_channel.tested");
	}

	@Test
	void postsSlackJsonToAWebhookAndKeepsItsUrlEncrypted() {
		slack.stubFor(post("/services/T0/B0/secret").willReturn(ok("ok")));
		ChannelView chat = this.channels.addWebhook("#leads", slack.baseUrl() + "/services/T0/B0/secret", "admin");

		SendResult result = this.channels.test(chat.id(), "admin");

		assertThat(result.sent()).as(result.message()).isTrue();
		slack.verify(1, postRequestedFor(urlPathEqualTo("/services/T0/B0/secret")).withRequestBody(equalToJson(
				"{\"text\": \"*LeadRelay test alert*\\nThis is a test alert from LeadRelay, sent by admin from Settings &gt; Alerts. "
						+ "Alerts about leads that wait, destinations that refuse their credentials and pages whose token "
						+ "expires will reach you here.\"}")));
		String stored = this.jdbc.queryForObject("SELECT webhook_url FROM alert_channel", String.class);
		assertThat(stored).startsWith("v1:").doesNotContain("secret");
		assertThat(this.channels.get(chat.id()).target()).isEqualTo("localhost");
	}

	@Test
	void saysInWordsWhatTheWebhookAnswered() {
		slack.stubFor(post("/hook").willReturn(aResponse().withStatus(404).withBody("no_service")));
		ChannelView chat = this.channels.addWebhook("Mattermost", slack.baseUrl() + "/hook", "admin");

		SendResult result = this.channels.test(chat.id(), "admin");

		assertThat(result.sent()).isFalse();
		assertThat(result.message()).isEqualTo("The webhook at localhost answered HTTP 404: no_service");
	}

	@Test
	void alertsOncePerIncidentRemindsAndResolves() throws Exception {
		this.channels.addEmail("Ops", "ops@example.com", "admin");
		slack.stubFor(post("/hook").willReturn(ok("ok")));
		this.channels.addWebhook("Chat", slack.baseUrl() + "/hook", "admin");
		this.check.conditions.add(new AlertCondition("destination-credentials:hubspot-main", "destination-credentials",
				"HubSpot (main) refuses its credentials", "Enter a new access token.", "/destinations/hubspot-main"));

		this.round.run();
		this.round.run();

		assertThat(subjects()).containsExactly("LeadRelay alert: HubSpot (main) refuses its credentials");
		assertThat(GreenMailUtil.getBody(mail.getReceivedMessages()[0]))
			.contains("Fix it at https://leads.example.com/destinations/hubspot-main");
		slack.verify(1, postRequestedFor(urlPathEqualTo("/hook")));
		assertThat(new WebhookClient(this.port).get("/api/v1/alerts", "admin", LeadRelayIntegrationTest.ADMIN_PASSWORD)
			.body()).contains("\"key\":\"destination-credentials:hubspot-main\"");

		// A reminder once the reminder interval (24h in tests) has passed since the
		// alert.
		this.jdbc.update("UPDATE alert_incident SET last_alerted_at = last_alerted_at - INTERVAL '25' HOUR");
		this.round.run();
		assertThat(subjects()).containsExactly("LeadRelay alert: HubSpot (main) refuses its credentials",
				"LeadRelay reminder: HubSpot (main) refuses its credentials");

		this.check.conditions.clear();
		this.round.run();
		this.round.run();
		assertThat(subjects()).last().isEqualTo("LeadRelay resolved: HubSpot (main) refuses its credentials");
		assertThat(subjects()).hasSize(3);
		assertThat(this.channels.list()).hasSize(2);
		assertThat(this.jdbc.queryForList("SELECT action FROM audit_event WHERE subject_type = 'alert' ORDER BY id",
				String.class))
			.containsExactly("alert.raised", "alert.resolved");
		assertThat(this.jdbc.queryForObject("SELECT COUNT(*) FROM alert_incident WHERE resolved_at IS NULL",
				Integer.class))
			.isZero();
	}

	@Test
	void anAlertNoChannelTookIsSentAgainAtTheNextRoundWithTodaysDetail() throws Exception {
		slack.stubFor(post("/hook").willReturn(aResponse().withStatus(503).withBody("busy")));
		this.channels.addWebhook("Chat", slack.baseUrl() + "/hook", "admin");
		this.check.conditions.add(new AlertCondition("oldest-undelivered", "oldest-undelivered",
				"Leads wait to be delivered", "The oldest lead has waited 16 minutes.", "/deliveries"));
		this.round.run();
		slack.verify(1, postRequestedFor(urlPathEqualTo("/hook")));

		slack.stubFor(post("/hook").willReturn(ok("ok")));
		this.check.conditions.set(0, new AlertCondition("oldest-undelivered", "oldest-undelivered",
				"Leads wait to be delivered", "The oldest lead has waited 17 minutes.", "/deliveries"));
		this.round.run();
		this.round.run();

		slack.verify(2, postRequestedFor(urlPathEqualTo("/hook")));
		slack.verify(1, postRequestedFor(urlPathEqualTo("/hook")).withRequestBody(containing("17 minutes")));
		assertThat(this.jdbc.queryForObject("SELECT detail FROM alert_incident", String.class)).contains("17 minutes");
	}

	@Test
	void escapesChatMarkupSoAnAnswerCannotPingTheChannelOrDisguiseALink() {
		assertThat(ChannelSender.chatEscaped("Ana <!channel> & <https://evil.example|https://leads.example.com>"))
			.isEqualTo("Ana &lt;!channel&gt; &amp; &lt;https://evil.example|https://leads.example.com&gt;");
	}

	@Test
	void leavesTheIncidentsOfACheckThatFailsAsTheyAre() throws Exception {
		this.channels.addEmail("Ops", "ops@example.com", "admin");
		this.check.conditions.add(new AlertCondition("dead-letters", "dead-letters", "12 leads could not be delivered",
				"See Deliveries.", null));
		this.round.run();

		this.check.failing = true;
		this.round.run();

		assertThat(subjects()).containsExactly("LeadRelay alert: 12 leads could not be delivered");
		assertThat(this.jdbc.queryForObject("SELECT COUNT(*) FROM alert_incident WHERE resolved_at IS NULL",
				Integer.class))
			.isOne();
	}

	@Test
	void alertsTheLastKnownChannelsWhenTheDatabaseIsOutOfReachAndWhenItIsBack() throws Exception {
		this.channels.addEmail("Ops", "ops@example.com", "admin");
		SwitchableDataSource database = new SwitchableDataSource(this.dataSource);
		DatabaseWatch watch = new DatabaseWatch(database, this.channels, this.audit, this.properties,
				Clock.systemUTC());
		watch.check();

		database.down = true;
		watch.check();
		watch.check();
		assertThat(subjects()).isEmpty();
		watch.check();
		watch.check();
		assertThat(subjects()).containsExactly("LeadRelay alert: the engine cannot reach its database");
		assertThat(GreenMailUtil.getBody(mail.getReceivedMessages()[0])).contains("the database is switched off");

		database.down = false;
		watch.check();
		watch.check();
		assertThat(subjects()).containsExactly("LeadRelay alert: the engine cannot reach its database",
				"LeadRelay resolved: the engine reaches its database again");
		assertThat(this.jdbc.queryForList("SELECT action FROM audit_event WHERE subject_type = 'engine'", String.class))
			.containsExactly("alert.database_unreachable");
		watch.destroy();
	}

	private List<String> subjects() {
		return Arrays.stream(mail.getReceivedMessages()).map((message) -> {
			try {
				return message.getSubject();
			}
			catch (MessagingException ex) {
				throw new IllegalStateException(ex);
			}
		}).filter((subject) -> !subject.contains("test alert")).toList();
	}

	/** The engine's database, or one that refuses every connection while it is down. */
	static class SwitchableDataSource extends DelegatingDataSource {

		volatile boolean down;

		SwitchableDataSource(DataSource target) {
			super(target);
		}

		@Override
		public Connection getConnection() throws SQLException {
			if (this.down) {
				throw new SQLException("Connection refused: the database is switched off");
			}
			return super.getConnection();
		}

	}

	@TestConfiguration
	static class Checks {

		@Bean
		ControlledCheck controlledCheck() {
			return new ControlledCheck();
		}

	}

	/** An alert check whose conditions the test sets, or that throws. */
	static class ControlledCheck implements AlertCheck {

		final List<AlertCondition> conditions = new CopyOnWriteArrayList<>();

		volatile boolean failing;

		@Override
		public List<AlertCondition> check() {
			if (this.failing) {
				throw new IllegalStateException("the check broke");
			}
			return List.copyOf(this.conditions);
		}

	}

}
