package io.leadrelay.alert;

import java.time.Duration;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetupTest;
import io.leadrelay.support.LeadRelayIntegrationTest;
import io.leadrelay.support.LeadgenPayloads;
import io.leadrelay.support.TableCleaner;
import io.leadrelay.support.WebhookClient;
import io.leadrelay.support.GraphBatchStandIn;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.awaitility.Awaitility.await;

/**
 * New-lead notifications the whole way: a signed Meta webhook, WireMock as the Graph API,
 * the pipeline storing the lead, and GreenMail receiving a message with only the answers
 * the admin picked.
 */
@LeadRelayIntegrationTest
@ExtendWith(OutputCaptureExtension.class)
@TestPropertySource(properties = { "leadrelay.pipeline.enabled=true", "leadrelay.pipeline.poll-interval=200ms",
		"spring.mail.host=127.0.0.1" })
class NewLeadNotificationsIntegrationTests {

	@RegisterExtension
	static GreenMailExtension mail = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort())
		.withPerMethodLifecycle(false);

	@RegisterExtension
	static WireMockExtension graph = GraphBatchStandIn.wireMock();

	@DynamicPropertySource
	static void servers(DynamicPropertyRegistry registry) {
		registry.add("spring.mail.port", () -> mail.getSmtp().getPort());
		registry.add("leadrelay.graph.base-url", graph::baseUrl);
	}

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	AlertChannels channels;

	@Autowired
	LeadNotifications notifications;

	@LocalServerPort
	int port;

	@BeforeEach
	void clean() throws Exception {
		TableCleaner.deleteAll(this.jdbc);
		mail.purgeEmailFromAllMailboxes();
	}

	@Test
	void announcesANewLeadWithOnlyThePickedAnswers(CapturedOutput output) throws Exception {
		ChannelView sales = this.channels.addEmail("Sales", "sales@example.com", "admin");
		this.notifications.add(sales.id(), LeadgenPayloads.FORM_ID, "full_name, city", "admin");
		ChannelView other = this.channels.addEmail("Other form", "other@example.com", "admin");
		this.notifications.add(other.id(), "799999999999999", "full_name", "admin");
		graph.stubFor(get(urlPathEqualTo("/v26.0/debug_token"))
			.willReturn(okJson("{\"data\":{\"is_valid\":true,\"expires_at\":0,\"scopes\":[\"leads_retrieval\"]}}")));
		graph.stubFor(get(urlPathEqualTo("/v26.0/920000000000771")).willReturn(
				okJson("""
						{"id":"920000000000771","created_time":"2026-11-23T10:00:00+0000","form_id":"700000000000011",
						 "field_data":[{"name":"full_name","values":["Ana Quirinius"]},{"name":"email","values":["ana.q@example.com"]},
						   {"name":"city","values":["Zwiesel"]}]}""")));
		WebhookClient client = new WebhookClient(this.port);
		assertThat(
				client
					.call("POST", "/api/v1/pages",
							"{\"pageId\":\"" + LeadgenPayloads.PAGE_ID
									+ "\",\"name\":\"Acme\",\"accessToken\":\"EAAG-1\"}",
							"admin", LeadRelayIntegrationTest.ADMIN_PASSWORD)
					.statusCode())
			.isEqualTo(201);

		assertThat(
				client.postSigned(LeadRelayIntegrationTest.APP_SECRET, LeadgenPayloads.notification("920000000000771"))
					.statusCode())
			.isEqualTo(200);

		await().atMost(Duration.ofSeconds(10)).until(() -> mail.getReceivedMessages().length == 1);
		MimeMessage message = mail.getReceivedMessages()[0];
		assertThat(message.getAllRecipients()[0].toString()).isEqualTo("sales@example.com");
		assertThat(message.getSubject()).isEqualTo("New lead: form 700000000000011");
		String body = GreenMailUtil.getBody(message);
		assertThat(body).contains("full_name: Ana Quirinius")
			.contains("city: Zwiesel")
			.contains("/leads/920000000000771");
		assertThat(body).doesNotContain("ana.q@example.com");
		assertThat(output.getAll()).doesNotContain("Ana Quirinius").doesNotContain("Zwiesel");
	}

	@Test
	void refusesAnswerNamesThatAreNotNames() {
		ChannelView sales = this.channels.addEmail("Sales", "sales@example.com", "admin");
		assertThatExceptionOfType(InvalidChannelException.class)
			.isThrownBy(() -> this.notifications.add(sales.id(), null, "full name?", "admin"))
			.withMessage("'name?' is not an answer's name: use the names the form's questions have, such as full_name");
	}

}
