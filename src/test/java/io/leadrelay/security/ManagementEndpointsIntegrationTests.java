package io.leadrelay.security;

import java.net.http.HttpResponse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.leadrelay.support.LeadRelayIntegrationTest;
import io.leadrelay.support.WebhookClient;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The management endpoints policy: health open to anyone; the rest closed unless the
 * operator sets a management token or a management port of its own.
 */
@AutoConfigureObservability
@LeadRelayIntegrationTest
class ManagementEndpointsIntegrationTests {

	static final String TOKEN = "management-token-for-the-tests-0123456789";

	final ObjectMapper json = new ObjectMapper();

	@LocalServerPort
	int port;

	@Test
	void answersHealthToAnyoneWithoutDetails() throws Exception {
		HttpResponse<String> health = new WebhookClient(this.port).get("/actuator/health");
		assertThat(health.statusCode()).isEqualTo(200);
		JsonNode body = this.json.readTree(health.body());
		assertThat(body.get("status").asText()).isEqualTo("UP");
		assertThat(body.has("components")).isFalse();
		assertThat(new WebhookClient(this.port).get("/actuator/health/readiness").statusCode()).isEqualTo(200);
	}

	@Test
	void keepsMetricsAndTheRestClosedByDefault() throws Exception {
		WebhookClient client = new WebhookClient(this.port);
		for (String path : new String[] { "/actuator/prometheus", "/actuator" }) {
			HttpResponse<String> refused = client.get(path);
			assertThat(refused.statusCode()).as(path).isEqualTo(401);
			assertThat(this.json.readTree(refused.body()).get("detail").asText()).as(path)
				.isEqualTo(ManagementProblems.CLOSED);
		}
		assertThat(client.send(client.request("/actuator/prometheus").header("Authorization", "Bearer " + TOKEN))
			.statusCode()).isEqualTo(401);
	}

	@Test
	void doesNotOpenMetricsToAUsersPassword() {
		assertThat(new WebhookClient(this.port)
			.get("/actuator/prometheus", "admin", LeadRelayIntegrationTest.ADMIN_PASSWORD)
			.statusCode()).isEqualTo(401);
	}

	@Nested
	@TestPropertySource(properties = "leadrelay.security.management-token=" + TOKEN)
	class WithAManagementToken {

		@LocalServerPort
		int port;

		@Test
		void opensMetricsToTheToken() {
			HttpResponse<String> metrics = withToken("/actuator/prometheus", TOKEN);
			assertThat(metrics.statusCode()).isEqualTo(200);
			assertThat(metrics.body()).contains("# TYPE");
		}

		@Test
		void refusesAWrongOrMissingToken() throws Exception {
			HttpResponse<String> wrong = withToken("/actuator/prometheus", TOKEN + "x");
			assertThat(wrong.statusCode()).isEqualTo(401);
			assertThat(wrong.headers().firstValue("WWW-Authenticate"))
				.hasValueSatisfying((value) -> assertThat(value).startsWith("Bearer"));
			assertThat(ManagementEndpointsIntegrationTests.this.json.readTree(wrong.body()).get("detail").asText())
				.isEqualTo(ManagementProblems.NEEDS_TOKEN);
			assertThat(withToken("/actuator/prometheus", "").statusCode()).isEqualTo(401);
			assertThat(new WebhookClient(this.port).get("/actuator/prometheus").statusCode()).isEqualTo(401);
		}

		@Test
		void showsHealthDetailsToTheToken() throws Exception {
			JsonNode health = ManagementEndpointsIntegrationTests.this.json
				.readTree(withToken("/actuator/health", TOKEN).body());
			assertThat(health.get("components").has("db")).isTrue();
		}

		@Test
		void doesNotOpenTheApiToTheToken() {
			assertThat(withToken("/api/v1/leads", TOKEN).statusCode()).isEqualTo(401);
		}

		private HttpResponse<String> withToken(String path, String token) {
			WebhookClient client = new WebhookClient(this.port);
			return client.send(client.request(path).header("Authorization", "Bearer " + token));
		}

	}

	@Nested
	@TestPropertySource(properties = "management.server.port=0")
	class OnAManagementPortOfTheirOwn {

		@LocalServerPort
		int port;

		@LocalManagementPort
		int managementPort;

		@Test
		void opensMetricsOnTheManagementPort() {
			assertThat(this.managementPort).isNotEqualTo(this.port);
			HttpResponse<String> metrics = new WebhookClient(this.managementPort).get("/actuator/prometheus");
			assertThat(metrics.statusCode()).isEqualTo(200);
			assertThat(metrics.body()).contains("# TYPE");
		}

		@Test
		void servesNoManagementEndpointOnTheMainPort() {
			HttpResponse<String> main = new WebhookClient(this.port).get("/actuator/prometheus");
			assertThat(main.statusCode()).isNotEqualTo(200);
			assertThat(main.body()).doesNotContain("# TYPE");
		}

	}

}
