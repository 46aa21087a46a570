package io.leadrelay.page.connect;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.regex.Pattern;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Connecting pages with Facebook Login. The app id is {@code leadrelay.graph.app-id} and
 * the app secret the newest of {@code leadrelay.meta.app-secrets}.
 *
 * @param dialogBaseUrl where Facebook's login dialog is
 * @param scopes the permissions asked for: listing the person's pages, installing the app
 * on them, and reading their leads
 * @param stateTtl how long a person has to answer the dialog
 */
@ConfigurationProperties("leadrelay.facebook-login")
public record FacebookLoginProperties(@DefaultValue("https://www.facebook.com") URI dialogBaseUrl, @DefaultValue( {
		"pages_show_list", "pages_manage_metadata", "pages_read_engagement", "pages_manage_ads", "leads_retrieval",
		"ads_management" }) List<String> scopes, @DefaultValue("10m") Duration stateTtl){

	private static final Pattern SCOPE = Pattern.compile("[a-z_]+");

	public FacebookLoginProperties {
		if (!"https".equals(dialogBaseUrl.getScheme()) && !"http".equals(dialogBaseUrl.getScheme())) {
			throw new IllegalArgumentException("leadrelay.facebook-login.dialog-base-url must be an http or https URL");
		}
		scopes = List.copyOf(scopes);
		if (scopes.isEmpty() || !scopes.stream().allMatch((scope) -> SCOPE.matcher(scope).matches())) {
			throw new IllegalArgumentException(
					"leadrelay.facebook-login.scopes must list permissions such as leads_retrieval");
		}
		if (stateTtl.compareTo(Duration.ofMinutes(1)) < 0 || stateTtl.compareTo(Duration.ofHours(1)) > 0) {
			throw new IllegalArgumentException("leadrelay.facebook-login.state-ttl must be between 1m and 1h");
		}
	}

}
