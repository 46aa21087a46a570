package io.leadrelay.dashboard;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import io.leadrelay.delivery.DeliveryStatus;
import io.leadrelay.pipeline.LeadEventStatus;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.stereotype.Component;

/**
 * How deliveries end, how long they take and what waits: counts over index ranges
 * ({@code ix_delivery_status}, and {@code ix_delivery_delivered},
 * {@code ix_delivery_ended} of migration V21).
 */
@Component
public class DeliveryFigures {

	/** The latency is taken from at most this many of the newest deliveries. */
	static final int LATENCY_SAMPLE = 5000;

	private static final String DELIVERED = DeliveryStatus.DELIVERED.code();

	private static final String DEAD = DeliveryStatus.DEAD.code();

	private final JdbcTemplate jdbc;

	public DeliveryFigures(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Every destination (and every deleted one with deliveries) with its deliveries
	 * delivered or dead since {@code from}, by name.
	 */
	public List<DestinationSuccess> successSince(Instant from) {
		Map<String, String> names = new LinkedHashMap<>();
		this.jdbc.query("SELECT destination_id, name FROM destination ORDER BY name, destination_id",
				(RowCallbackHandler) (row) -> names.put(row.getString("destination_id"), row.getString("name")));
		Map<String, long[]> ended = new LinkedHashMap<>();
		names.keySet().forEach((id) -> ended.put(id, new long[2]));
		OffsetDateTime since = utc(from);
		this.jdbc.query("""
				SELECT destination_id, 0 AS outcome, COUNT(*) AS deliveries FROM delivery
				WHERE status = ? AND delivered_at >= ? GROUP BY destination_id
				UNION ALL
				SELECT destination_id, 1 AS outcome, COUNT(*) AS deliveries FROM delivery
				WHERE status = ? AND updated_at >= ? GROUP BY destination_id""", (RowCallbackHandler) (row) -> {
			long[] counts = ended.computeIfAbsent(row.getString("destination_id"), (id) -> new long[2]);
			counts[row.getInt("outcome")] += row.getLong("deliveries");
		}, DELIVERED, since, DEAD, since);
		List<DestinationSuccess> success = new ArrayList<>();
		ended.forEach((id, counts) -> success.add(new DestinationSuccess(id, names.get(id), counts[0], counts[1])));
		return success;
	}

	/** From the webhook to the CRM, for the deliveries delivered since {@code from}. */
	public Latency latencySince(Instant from) {
		List<Long> millis = this.jdbc.query("""
				SELECT d.delivered_at, e.received_at FROM delivery d JOIN lead_event e ON e.leadgen_id = d.leadgen_id
				WHERE d.status = ? AND d.delivered_at >= ? ORDER BY d.delivered_at DESC FETCH FIRST ? ROWS ONLY""",
				(row, index) -> row.getObject("delivered_at", OffsetDateTime.class).toInstant().toEpochMilli()
						- row.getObject("received_at", OffsetDateTime.class).toInstant().toEpochMilli(),
				DELIVERED, utc(from), LATENCY_SAMPLE + 1);
		boolean sampled = millis.size() > LATENCY_SAMPLE;
		return Latency.of(millis.stream().limit(LATENCY_SAMPLE).mapToLong(Long::longValue).toArray(), sampled);
	}

	/** The dead letters, and the leads and deliveries on their way. */
	public Backlog backlog() {
		List<String> waitingLeads = List.of(LeadEventStatus.RECEIVED.code(), LeadEventStatus.ENRICHING.code());
		List<String> waitingDeliveries = List.of(DeliveryStatus.PENDING.code(), DeliveryStatus.IN_FLIGHT.code(),
				DeliveryStatus.RETRYING.code());
		long dead = count("delivery", List.of(DEAD));
		// The first row of each status by id stands for its oldest: ids grow as rows are
		// made.
		Instant oldest = Stream
			.concat(waitingLeads.stream()
				.map((status) -> first("""
						SELECT received_at FROM lead_event WHERE status = ? ORDER BY id FETCH FIRST 1 ROWS ONLY""",
						status)),
					waitingDeliveries.stream().map((status) -> first("""
							SELECT e.received_at FROM delivery d JOIN lead_event e ON e.leadgen_id = d.leadgen_id
							WHERE d.status = ? ORDER BY d.id FETCH FIRST 1 ROWS ONLY""", status)))
			.filter((instant) -> instant != null)
			.min(Instant::compareTo)
			.orElse(null);
		return new Backlog(dead, count("lead_event", waitingLeads), count("delivery", waitingDeliveries), oldest);
	}

	private long count(String table, List<String> statuses) {
		String placeholders = String.join(", ", statuses.stream().map((status) -> "?").toList());
		Long count = this.jdbc.queryForObject(
				"SELECT COUNT(*) FROM " + table + " WHERE status IN (" + placeholders + ")", Long.class,
				statuses.toArray());
		return (count != null) ? count : 0;
	}

	private Instant first(String sql, String status) {
		List<OffsetDateTime> found = this.jdbc.query(sql,
				(row, index) -> row.getObject("received_at", OffsetDateTime.class), status);
		return found.isEmpty() ? null : found.get(0).toInstant();
	}

	private static OffsetDateTime utc(Instant instant) {
		return instant.atOffset(ZoneOffset.UTC);
	}

}
