package io.leadrelay.dashboard;

import java.time.Duration;
import java.time.ZoneId;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The dashboard.
 *
 * @param zone the time zone whose days the leads are counted in (such as UTC or
 * Europe/Berlin)
 * @param refresh how often an open dashboard reads its figures again (at least 5s)
 */
@ConfigurationProperties("leadrelay.dashboard")
public record DashboardProperties(@DefaultValue("UTC") ZoneId zone, @DefaultValue("15s") Duration refresh) {

	public DashboardProperties {
		if (refresh.compareTo(Duration.ofSeconds(5)) < 0) {
			throw new IllegalArgumentException("leadrelay.dashboard.refresh must be at least 5s");
		}
	}

}
