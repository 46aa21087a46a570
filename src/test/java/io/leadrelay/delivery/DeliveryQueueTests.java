package io.leadrelay.delivery;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import com.zaxxer.hikari.HikariDataSource;
import io.leadrelay.destination.Destinations;
import io.leadrelay.support.MigratedDatabases;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

/**
 * The queue claims the due deliveries of the destinations that may receive now, as the
 * destination feature says, and leaves those of the others queued, unclaimed.
 */
class DeliveryQueueTests {

	static final Instant NOW = Instant.parse("2026-11-23T12:00:00Z");

	final Destinations destinations = mock(Destinations.class);

	final List<HikariDataSource> pools = new ArrayList<>();

	@AfterEach
	void close() {
		this.pools.forEach(HikariDataSource::close);
	}

	@Test
	void claimsOnlyTheDeliveriesOfDestinationsThatMayReceiveNow() {
		for (String url : List.of(MigratedDatabases.h2("delivery_queue_receiving"),
				MigratedDatabases.postgres("delivery_queue_receiving"))) {
			JdbcTemplate jdbc = jdbc(url);
			due(jdbc, "920000000000001", "open");
			due(jdbc, "920000000000002", "paused");
			due(jdbc, "920000000000003", "open");
			when(this.destinations.receivingNow()).thenReturn(List.of("open", "other"));

			List<ClaimedDelivery> claimed = queue(jdbc).claim(10, Duration.ofMinutes(2));

			assertThat(claimed).extracting(ClaimedDelivery::leadgenId)
				.as(url)
				.containsExactly("920000000000001", "920000000000003");
			assertThat(jdbc.queryForObject("SELECT status || ' ' || COALESCE(claimed_by, '-') FROM delivery "
					+ "WHERE destination_id = 'paused'", String.class))
				.isEqualTo("pending -");
		}
	}

	@Test
	void claimsNothingWhileNoDestinationMayReceive() {
		JdbcTemplate jdbc = jdbc(MigratedDatabases.h2("delivery_queue_none"));
		due(jdbc, "920000000000011", "paused");
		when(this.destinations.receivingNow()).thenReturn(List.of());

		assertThat(queue(jdbc).claim(10, Duration.ofMinutes(2))).isEmpty();
		assertThat(jdbc.queryForObject("SELECT status FROM delivery", String.class)).isEqualTo("pending");
	}

	private DeliveryQueue queue(JdbcTemplate jdbc) {
		return new DeliveryQueue(jdbc, this.destinations, Clock.fixed(NOW, ZoneOffset.UTC));
	}

	private JdbcTemplate jdbc(String url) {
		HikariDataSource pool = MigratedDatabases.pool(url);
		this.pools.add(pool);
		return new JdbcTemplate(pool);
	}

	private static void due(JdbcTemplate jdbc, String leadgenId, String destinationId) {
		jdbc.update("""
				INSERT INTO delivery (leadgen_id, destination_id, mapping_id, mapping_version, payload, status,
				    attempts, next_attempt_at, retry_from, created_at, updated_at)
				VALUES (?, ?, 'contacts', 1, '{}', 'pending', 0, ?, ?, ?, ?)""", leadgenId, destinationId,
				NOW.minusSeconds(60).atOffset(ZoneOffset.UTC), NOW.atOffset(ZoneOffset.UTC),
				NOW.atOffset(ZoneOffset.UTC), NOW.atOffset(ZoneOffset.UTC));
	}

}
