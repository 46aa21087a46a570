package io.leadrelay.retention;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One run of the retention purge, as its audit entry records it (counts only, never
 * personal data).
 *
 * @param startedAt when it started
 * @param took how long it ran
 * @param leads leads whose personal data it removed
 * @param discarded deliveries still waiting that it discarded with their lead's data
 * @param attempts delivery attempts it deleted
 * @param deadLetters dead letters it deleted
 * @param auditEntries audit entries it deleted
 */
public record PurgeRun(Instant startedAt, Duration took, long leads, long discarded, long attempts, long deadLetters,
		long auditEntries) {

	/** The audit entry's action. */
	public static final String ACTION = "retention.purged";

	Map<String, Object> details() {
		Map<String, Object> details = new LinkedHashMap<>();
		details.put("startedAt", this.startedAt.toString());
		details.put("millis", this.took.toMillis());
		details.put("leads", this.leads);
		details.put("discarded", this.discarded);
		details.put("attempts", this.attempts);
		details.put("deadLetters", this.deadLetters);
		details.put("auditEntries", this.auditEntries);
		return details;
	}

	static PurgeRun of(Instant finishedAt, Map<String, Object> details) {
		long millis = number(details, "millis");
		Object started = details.get("startedAt");
		return new PurgeRun((started != null) ? Instant.parse(started.toString()) : finishedAt.minusMillis(millis),
				Duration.ofMillis(millis), number(details, "leads"), number(details, "discarded"),
				number(details, "attempts"), number(details, "deadLetters"), number(details, "auditEntries"));
	}

	private static long number(Map<String, Object> details, String key) {
		return (details.get(key) instanceof Number number) ? number.longValue() : 0;
	}

}
