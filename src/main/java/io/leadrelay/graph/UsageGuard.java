package io.leadrelay.graph;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.Optional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Slows down before Meta blocks: reads the usage percentages Meta reports in
 * {@code X-App-Usage} and {@code X-Business-Use-Case-Usage} and, once one reaches the
 * threshold, holds further calls until Meta's estimated time to regain access (or a
 * configured pause) has passed. The hold applies to all calls of this engine.
 */
final class UsageGuard {

	static final String APP_USAGE = "X-App-Usage";

	static final String BUSINESS_USAGE = "X-Business-Use-Case-Usage";

	private static final String[] PERCENTAGES = { "call_count", "total_cputime", "total_time" };

	private final int threshold;

	private final Duration pause;

	private final Clock clock;

	private final ObjectMapper json;

	private volatile Instant heldUntil = Instant.MIN;

	private volatile String reason;

	UsageGuard(int threshold, Duration pause, Clock clock, ObjectMapper json) {
		this.threshold = threshold;
		this.pause = pause;
		this.clock = clock;
		this.json = json;
	}

	/** A rate-limited result while calls are held, otherwise empty. */
	<T> Optional<GraphResult<T>> check() {
		Duration left = Duration.between(this.clock.instant(), this.heldUntil);
		if (left.isNegative() || left.isZero()) {
			return Optional.empty();
		}
		return Optional.of(new GraphResult.RateLimited<>(left, "LeadRelay holds Graph API calls: " + this.reason));
	}

	void observe(String appUsage, String businessUsage) {
		JsonNode app = read(appUsage);
		if (app != null && highest(app) >= this.threshold) {
			hold(this.pause, "X-App-Usage reached " + highest(app) + "%");
		}
		JsonNode business = read(businessUsage);
		if (business == null || !business.isObject()) {
			return;
		}
		for (Iterator<JsonNode> objects = business.elements(); objects.hasNext();) {
			for (JsonNode usage : objects.next()) {
				long minutes = usage.path("estimated_time_to_regain_access").asLong(0);
				if (minutes > 0 || highest(usage) >= this.threshold) {
					Duration wait = (minutes > 0) ? Duration.ofMinutes(minutes) : this.pause;
					hold(wait, "X-Business-Use-Case-Usage (" + usage.path("type").asText("?") + ") reached "
							+ highest(usage) + "%");
				}
			}
		}
	}

	private synchronized void hold(Duration wait, String why) {
		Instant until = this.clock.instant().plus(wait);
		if (until.isAfter(this.heldUntil)) {
			this.heldUntil = until;
			this.reason = why;
		}
	}

	private static int highest(JsonNode usage) {
		int highest = 0;
		for (String name : PERCENTAGES) {
			highest = Math.max(highest, usage.path(name).asInt(0));
		}
		return highest;
	}

	private JsonNode read(String header) {
		if (header == null || header.isBlank()) {
			return null;
		}
		try {
			return this.json.readTree(header);
		}
		catch (JsonProcessingException ex) {
			return null;
		}
	}

}
