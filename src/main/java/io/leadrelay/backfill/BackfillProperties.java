package io.leadrelay.backfill;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The reconciliation poller, which reads each active form's leads to find those the
 * webhook missed.
 *
 * @param interval how often every page's forms are polled (read by the
 * {@code backfill-poll} route; write it like 15m)
 * @param overlap how long after its creation Meta may still report a lead late: each poll
 * reads this much of the time before it again
 * @param initialLookback how far back the first poll of a form looks
 * @param maxPagesPerForm how many pages of 100 leads one poll reads of a form at most (a
 * form with more leads to read is caught up over the next polls)
 */
@ConfigurationProperties("leadrelay.backfill")
public record BackfillProperties(@DefaultValue("15m") Duration interval, @DefaultValue("1h") Duration overlap,
		@DefaultValue("3d") Duration initialLookback, @DefaultValue("50") int maxPagesPerForm) {

	public BackfillProperties {
		if (interval.compareTo(Duration.ofMinutes(1)) < 0) {
			throw new IllegalArgumentException("leadrelay.backfill.interval must be at least 1m");
		}
		if (overlap.isNegative()) {
			throw new IllegalArgumentException("leadrelay.backfill.overlap must not be negative");
		}
		if (initialLookback.compareTo(Duration.ofDays(90)) > 0 || initialLookback.isNegative()) {
			throw new IllegalArgumentException("leadrelay.backfill.initial-lookback must be between 0 and 90d");
		}
		if (maxPagesPerForm < 1) {
			throw new IllegalArgumentException("leadrelay.backfill.max-pages-per-form must be at least 1");
		}
	}

}
