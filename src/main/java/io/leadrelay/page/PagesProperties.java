package io.leadrelay.page;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Pages and their tokens.
 *
 * @param tokenCheckInterval how often every page's token is checked with Meta (read by
 * the {@code page-token-checks} route; write it like 6h or 30m)
 */
@ConfigurationProperties("leadrelay.pages")
public record PagesProperties(@DefaultValue("6h") Duration tokenCheckInterval) {

	public PagesProperties {
		if (tokenCheckInterval.compareTo(Duration.ofMinutes(1)) < 0) {
			throw new IllegalArgumentException("leadrelay.pages.token-check-interval must be at least 1m");
		}
	}

}
