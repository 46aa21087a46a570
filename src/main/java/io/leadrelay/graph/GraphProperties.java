package io.leadrelay.graph;

import java.net.URI;
import java.time.Duration;
import java.util.regex.Pattern;

import io.leadrelay.meta.FacebookIds;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How LeadRelay calls Meta's Graph API.
 *
 * @param baseUrl where the Graph API answers
 * @param version the API version every call names
 * @param appId the Meta app's id; with the app secret it makes the app token that checks
 * page tokens ({@code debug_token}); unset, a page token checks itself
 * @param connectTimeout how long to wait for a connection
 * @param readTimeout how long to wait for an answer
 * @param cacheSize how many form definitions and ad, ad set and campaign names are kept
 * @param cacheTtl how long they are kept
 * @param usageThreshold the usage percentage (of {@code X-App-Usage} or
 * {@code X-Business-Use-Case-Usage}) at which calls pause before Meta blocks them
 * @param usagePause how long calls pause at the threshold when Meta names no time
 * @param maxConcurrentCalls how many Graph API calls this engine makes at once; a lead
 * read is a batch of up to 50 leads, so 16 calls hide Meta's latency for thousands of
 * leads a second
 */
@ConfigurationProperties("leadrelay.graph")
public record GraphProperties(@DefaultValue("https://graph.facebook.com") URI baseUrl,
		@DefaultValue("v26.0") String version, String appId, @DefaultValue("5s") Duration connectTimeout,
		@DefaultValue("10s") Duration readTimeout, @DefaultValue("10000") int cacheSize,
		@DefaultValue("1h") Duration cacheTtl, @DefaultValue("80") int usageThreshold,
		@DefaultValue("5m") Duration usagePause, @DefaultValue("16") int maxConcurrentCalls) {

	private static final Pattern VERSION = Pattern.compile("v\\d+\\.\\d+");

	public GraphProperties {
		if (!"https".equals(baseUrl.getScheme()) && !"http".equals(baseUrl.getScheme())) {
			throw new IllegalArgumentException("leadrelay.graph.base-url must be an http or https URL");
		}
		if (!VERSION.matcher(version).matches()) {
			throw new IllegalArgumentException("leadrelay.graph.version must look like v26.0, was " + version);
		}
		if (appId != null && appId.isBlank()) {
			appId = null;
		}
		if (appId != null && !FacebookIds.isId(appId)) {
			throw new IllegalArgumentException("leadrelay.graph.app-id must be the numeric app id");
		}
		if (usageThreshold < 1 || usageThreshold > 100) {
			throw new IllegalArgumentException("leadrelay.graph.usage-threshold must be between 1 and 100");
		}
		if (maxConcurrentCalls < 1 || maxConcurrentCalls > 256) {
			throw new IllegalArgumentException("leadrelay.graph.max-concurrent-calls must be between 1 and 256");
		}
		if (cacheSize < 0) {
			throw new IllegalArgumentException("leadrelay.graph.cache-size must be 0 or more");
		}
	}

}
