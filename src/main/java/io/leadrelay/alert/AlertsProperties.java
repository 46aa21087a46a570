package io.leadrelay.alert;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Alerts and their channels.
 *
 * @param checkInterval how often the alert checks are asked what is wrong (route
 * {@code alert-rounds}), at least 10s
 * @param reminderInterval how often an incident that stays open is sent again, at least
 * the check interval
 * @param resolveAfter how long a condition must stay away before its incident is resolved
 * (and comes back as the same incident if it returns sooner), so that a condition near
 * its threshold does not alert and resolve every round; {@code 0} resolves at the first
 * round without it
 * @param from the sender address of alert emails
 * @param allowPlainHttp whether a webhook channel may use {@code http://} (only for a
 * relay on a trusted network, and the tests); {@code https://} otherwise
 * @param sendTimeout how long sending one message to one channel may take
 * @param databaseCheckInterval how often each engine checks that it reaches its database
 * @param databaseCheckTimeout how long that check waits for the database
 * @param databaseFailures how many failed checks in a row raise the "database
 * unreachable" alert
 * @param publicUrl the address people open LeadRelay at (such as
 * {@code https://leads.example.com}), so that alerts link to the page to fix; unset, they
 * name the page's path
 */
@ConfigurationProperties("leadrelay.alerts")
public record AlertsProperties(@DefaultValue("1m") Duration checkInterval,
		@DefaultValue("4h") Duration reminderInterval, @DefaultValue("5m") Duration resolveAfter,
		@DefaultValue("leadrelay@localhost") String from, @DefaultValue("false") boolean allowPlainHttp,
		@DefaultValue("10s") Duration sendTimeout, @DefaultValue("30s") Duration databaseCheckInterval,
		@DefaultValue("5s") Duration databaseCheckTimeout, @DefaultValue("3") int databaseFailures, String publicUrl) {

	public AlertsProperties {
		atLeast("check-interval", checkInterval, Duration.ofSeconds(10));
		atLeast("reminder-interval", reminderInterval, checkInterval);
		atLeast("resolve-after", resolveAfter, Duration.ZERO);
		atLeast("send-timeout", sendTimeout, Duration.ofSeconds(1));
		atLeast("database-check-interval", databaseCheckInterval, Duration.ofSeconds(1));
		atLeast("database-check-timeout", databaseCheckTimeout, Duration.ofSeconds(1));
		if (from == null || !from.contains("@")) {
			throw new IllegalArgumentException("leadrelay.alerts.from must be an email address");
		}
		if (publicUrl != null && !publicUrl.isBlank() && !publicUrl.matches("https?://[^/\\s]+/?")) {
			throw new IllegalArgumentException(
					"leadrelay.alerts.public-url must be an address such as https://leads.example.com");
		}
		publicUrl = (publicUrl == null || publicUrl.isBlank()) ? null : publicUrl.replaceAll("/$", "");
		if (databaseFailures < 1) {
			throw new IllegalArgumentException("leadrelay.alerts.database-failures must be at least 1");
		}
	}

	/** Where a person opens {@code path}, in words for a message. */
	String linkTo(String path) {
		return (this.publicUrl != null) ? this.publicUrl + path : "LeadRelay, page " + path;
	}

	private static void atLeast(String key, Duration value, Duration least) {
		if (value.compareTo(least) < 0) {
			throw new IllegalArgumentException("leadrelay.alerts." + key + " must be at least " + least);
		}
	}

}
