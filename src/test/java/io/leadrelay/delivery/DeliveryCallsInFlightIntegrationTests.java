package io.leadrelay.delivery;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.leadrelay.support.ApiSetup;
import io.leadrelay.support.LeadRelayIntegrationTest;
import io.leadrelay.support.TableCleaner;
import io.leadrelay.support.WebhookClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;

import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A slow HubSpot (a second a call) with 250 deliveries due: the engine keeps several
 * calls to it in flight at once, each carrying up to 100 leads, and still starts them one
 * rate-limit spacing apart (10 calls a second here: 110 ms).
 */
@LeadRelayIntegrationTest
@TestPropertySource(properties = { "leadrelay.pipeline.enabled=false", "leadrelay.delivery.enabled=true",
		"leadrelay.delivery.poll-interval=100ms", "leadrelay.delivery.rate-limits.hubspot=10" })
class DeliveryCallsInFlightIntegrationTests {

	static final String UPSERT = "/crm/v3/objects/contacts/batch/upsert";

	static final int CRM_MILLIS = 1000;

	@RegisterExtension
	static WireMockExtension hubspot = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

	@LocalServerPort
	int port;

	@Autowired
	JdbcTemplate jdbc;

	final ObjectMapper json = new ObjectMapper();

	@Test
	void keepsSeveralFullCallsInFlightToOneDestinationWithinItsRateLimit() {
		TableCleaner.deleteAll(this.jdbc);
		hubspot.stubFor(post(urlPathEqualTo(UPSERT))
			.willReturn(okJson("{\"status\":\"COMPLETE\",\"results\":[]}").withFixedDelay(CRM_MILLIS)));
		ApiSetup.addHubSpot(new WebhookClient(this.port), "HubSpot", hubspot.baseUrl(),
				"pat-na1-11111111-2222-3333-4444-555555555555");
		dueAtOnce(250);

		await().atMost(Duration.ofSeconds(20))
			.until(() -> this.jdbc.queryForObject(
					"SELECT COUNT(*) FROM delivery WHERE status IN ('pending', 'in_flight') OR attempts = 0",
					Integer.class) == 0);

		List<LoggedRequest> calls = hubspot.findAll(postRequestedFor(urlPathEqualTo(UPSERT)))
			.stream()
			.sorted(Comparator.comparing(LoggedRequest::getLoggedDate))
			.toList();
		assertThat(calls).extracting(this::inputs).containsExactlyInAnyOrder(100, 100, 50);
		long first = calls.get(0).getLoggedDate().getTime();
		long last = calls.get(2).getLoggedDate().getTime();
		assertThat(last).as("the third call started before the first was answered").isLessThan(first + CRM_MILLIS);
		long spacing = DatabaseRateLimiter.spacingMicros(10) / 1000;
		for (int i = 1; i < calls.size(); i++) {
			// Half the spacing: permits are spaced exactly, arrivals vary by a few ms.
			assertThat(calls.get(i).getLoggedDate().getTime() - calls.get(i - 1).getLoggedDate().getTime())
				.isGreaterThanOrEqualTo(spacing / 2);
		}
	}

	/** Inserts deliveries due later, then makes them all due in one statement. */
	private void dueAtOnce(int count) {
		OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
		this.jdbc.batchUpdate("""
				INSERT INTO delivery (leadgen_id, destination_id, mapping_id, mapping_version, payload, status,
				    attempts, next_attempt_at, retry_from, created_at, updated_at)
				VALUES (?, 'hubspot-main', 'contacts', 1, ?, 'pending', 0, ?, ?, ?, ?)""",
				IntStream.range(0, count)
					.mapToObj((i) -> new Object[] { String.valueOf(940000000000000L + i),
							"{\"email\":\"lead-" + i + "@example.com\"}", now.plusHours(1), now, now, now })
					.toList());
		this.jdbc.update("UPDATE delivery SET next_attempt_at = ?", now.minusMinutes(1));
	}

	private int inputs(LoggedRequest request) {
		try {
			return this.json.readTree(request.getBodyAsString()).path("inputs").size();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
