package io.leadrelay.retention;

import java.util.List;
import java.util.Optional;

import io.leadrelay.audit.AuditFilter;
import io.leadrelay.audit.AuditRecord;
import io.leadrelay.audit.AuditTrail;

import org.springframework.stereotype.Service;

/** What the settings page shows of retention: the windows, and the last purge run. */
@Service
public class RetentionOverview {

	private static final AuditFilter RUNS = new AuditFilter(null, PurgeRun.ACTION, null, null, null, null);

	private final RetentionProperties windows;

	private final AuditTrail trail;

	RetentionOverview(RetentionProperties windows, AuditTrail trail) {
		this.windows = windows;
		this.trail = trail;
	}

	/** Each kind of data, how long it is kept, and the setting that says so. */
	public List<Window> windows() {
		RetentionProperties w = this.windows;
		return List.of(
				new Window("Lead answers, once delivered", days(w.deliveredLeads()), "from the last delivery",
						"delivered-leads"),
				new Window("Lead answers, never delivered", days(w.undeliveredLeads()),
						"from when the lead arrived (dead letters, leads still waiting, leads no mapping sent)",
						"undelivered-leads"),
				new Window("Delivery attempts", days(w.attempts()), "from the attempt", "attempts"),
				new Window("Dead letters", days(w.deadLetters()), "from when they ended (dead or discarded)",
						"dead-letters"),
				new Window("Audit log", days(w.audit()), "from the entry; at most 24 months", "audit"));
	}

	/** How often the purge runs, in words. */
	public String interval() {
		return "every " + human(this.windows.interval());
	}

	/** The last purge run, if any is still in the audit log. */
	public Optional<PurgeRun> lastRun() {
		List<AuditRecord> last = this.trail.find(RUNS, null, 1).items();
		return last.stream().findFirst().map((entry) -> PurgeRun.of(entry.occurredAt(), entry.details()));
	}

	private static String days(java.time.Duration window) {
		return window.isZero() ? "Kept" : human(window);
	}

	private static String human(java.time.Duration duration) {
		if (duration.toHours() >= 24 && duration.toHours() % 24 == 0) {
			long days = duration.toDays();
			return days + ((days == 1) ? " day" : " days");
		}
		if (duration.toMinutes() >= 60 && duration.toMinutes() % 60 == 0) {
			long hours = duration.toHours();
			return hours + ((hours == 1) ? " hour" : " hours");
		}
		return duration.toMinutes() + " min";
	}

	/**
	 * One kind of data.
	 *
	 * @param kind what is kept, in a marketer's words
	 * @param keptFor how long ("90 days"), or "Kept" when never deleted
	 * @param from what the time counts from
	 * @param setting the setting under {@code leadrelay.retention}
	 */
	public record Window(String kind, String keptFor, String from, String setting) {
	}

}
