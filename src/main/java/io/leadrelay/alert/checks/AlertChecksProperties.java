package io.leadrelay.alert.checks;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * When the alert checks see trouble.
 *
 * @param tokenExpiresWithin a page token that expires sooner than this alerts (Meta's
 * long-lived page tokens last about 60 days; tokens that never expire never alert)
 * @param deadLetters this many deliveries to one destination turned dead within
 * {@code deadLettersWindow} alert
 * @param deadLettersWindow how far back dead letters are counted
 * @param oldestUndelivered a lead waiting this long to be sent to a destination that may
 * receive it alerts
 * @param silentPageAfter a page that usually has leads and sent no webhook for this long
 * alerts
 * @param usualLeads how many leads a page must have received in {@code usualLeadsWindow}
 * before its last webhook to count as usually having leads
 * @param usualLeadsWindow the time before a page's last webhook its usual leads are
 * counted in
 */
@ConfigurationProperties("leadrelay.alert-checks")
public record AlertChecksProperties(@DefaultValue("7d") Duration tokenExpiresWithin,
		@DefaultValue("10") int deadLetters, @DefaultValue("1h") Duration deadLettersWindow,
		@DefaultValue("15m") Duration oldestUndelivered, @DefaultValue("24h") Duration silentPageAfter,
		@DefaultValue("20") int usualLeads, @DefaultValue("7d") Duration usualLeadsWindow) {

	public AlertChecksProperties {
		atLeast("token-expires-within", tokenExpiresWithin, Duration.ofHours(1));
		atLeast("dead-letters-window", deadLettersWindow, Duration.ofMinutes(1));
		atLeast("oldest-undelivered", oldestUndelivered, Duration.ofMinutes(1));
		atLeast("silent-page-after", silentPageAfter, Duration.ofMinutes(10));
		atLeast("usual-leads-window", usualLeadsWindow, Duration.ofHours(1));
		if (deadLetters < 1) {
			throw new IllegalArgumentException("leadrelay.alert-checks.dead-letters must be at least 1");
		}
		if (usualLeads < 1) {
			throw new IllegalArgumentException("leadrelay.alert-checks.usual-leads must be at least 1");
		}
	}

	private static void atLeast(String key, Duration value, Duration minimum) {
		if (value.compareTo(minimum) < 0) {
			throw new IllegalArgumentException("leadrelay.alert-checks." + key + " must be at least "
					+ Wording.duration(minimum) + ", not " + Wording.duration(value));
		}
	}

}
