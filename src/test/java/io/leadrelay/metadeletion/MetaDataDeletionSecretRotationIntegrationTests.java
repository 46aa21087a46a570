package io.leadrelay.metadeletion;

import java.net.URLEncoder;
import java.net.http.HttpRequest.BodyPublishers;
import java.nio.charset.StandardCharsets;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.leadrelay.support.LeadRelayIntegrationTest;
import io.leadrelay.support.SharedGraphApi;
import io.leadrelay.support.TableCleaner;
import io.leadrelay.support.WebhookClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;

import static io.leadrelay.support.SignedRequestsForTests.sign;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * While an app secret is rotated both are configured: a request signed with either is
 * Meta's, one signed with neither is not.
 */
@LeadRelayIntegrationTest
@TestPropertySource(properties = "leadrelay.meta.app-secrets=old-app-secret,new-app-secret")
class MetaDataDeletionSecretRotationIntegrationTests {

	@RegisterExtension
	static WireMockExtension graph = SharedGraphApi.extension();

	@LocalServerPort
	int port;

	@Autowired
	JdbcTemplate jdbc;

	@Test
	void eitherConfiguredSecretSignsAndNoOtherDoes() {
		TableCleaner.deleteAll(this.jdbc);
		String payload = "{\"algorithm\":\"HMAC-SHA256\",\"user_id\":\"5551234\"}";

		assertThat(callback(sign("old-app-secret", payload))).isEqualTo(200);
		assertThat(callback(sign("new-app-secret", payload))).isEqualTo(200);
		assertThat(callback(sign(LeadRelayIntegrationTest.APP_SECRET, payload))).isEqualTo(400);
		assertThat(this.jdbc.queryForObject("SELECT COUNT(*) FROM meta_data_deletion", Integer.class)).isEqualTo(2);
	}

	private int callback(String signedRequest) {
		WebhookClient client = new WebhookClient(this.port);
		return client
			.send(client.request("/webhooks/meta/data-deletion")
				.header("Content-Type", "application/x-www-form-urlencoded")
				.POST(BodyPublishers
					.ofString("signed_request=" + URLEncoder.encode(signedRequest, StandardCharsets.UTF_8))))
			.statusCode();
	}

}
