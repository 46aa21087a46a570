package io.leadrelay.page.connect;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

import io.leadrelay.graph.GraphProperties;
import io.leadrelay.meta.MetaProperties;
import org.junit.jupiter.api.Test;

import org.springframework.web.util.UriComponentsBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class FacebookLoginTests {

	private static final FacebookLoginProperties DEFAULTS = new FacebookLoginProperties(
			URI.create("https://www.facebook.com"), List.of("pages_show_list", "pages_manage_metadata",
					"pages_read_engagement", "pages_manage_ads", "leads_retrieval", "ads_management"),
			Duration.ofMinutes(10));

	@Test
	void namesTheSettingsItStillNeeds() {
		assertThat(login(null, List.of()).missingKeys()).containsExactly("leadrelay.graph.app-id",
				"leadrelay.meta.app-secrets");
		assertThat(login("424242424242", List.of()).missingKeys()).containsExactly("leadrelay.meta.app-secrets");
		assertThat(login("424242424242", List.of("secret")).configured()).isTrue();
	}

	@Test
	void opensTheDialogOfTheGraphVersionWithEveryParameter() {
		URI dialog = login("424242424242", List.of("secret")).dialog("https://leads.example.com/pages/connect/callback",
				"session-a");
		var query = UriComponentsBuilder.fromUri(dialog).build().getQueryParams();
		assertThat(dialog.getHost()).isEqualTo("www.facebook.com");
		assertThat(dialog.getPath()).isEqualTo("/v26.0/dialog/oauth");
		assertThat(query.getFirst("client_id")).isEqualTo("424242424242");
		assertThat(query.getFirst("redirect_uri"))
			.isEqualTo("https%3A%2F%2Fleads.example.com%2Fpages%2Fconnect%2Fcallback");
		assertThat(query.getFirst("scope")).isEqualTo(
				"pages_show_list%2Cpages_manage_metadata%2Cpages_read_engagement%2Cpages_manage_ads%2Cleads_retrieval%2Cads_management");
		assertThat(query.getFirst("response_type")).isEqualTo("code");
		assertThat(query.getFirst("state")).hasSizeGreaterThanOrEqualTo(43);
	}

	@Test
	void refusesSettingsThatCannotWork() {
		assertThatIllegalArgumentException()
			.isThrownBy(
					() -> new FacebookLoginProperties(URI.create("ftp://x"), DEFAULTS.scopes(), Duration.ofMinutes(10)))
			.withMessageContaining("dialog-base-url");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new FacebookLoginProperties(DEFAULTS.dialogBaseUrl(), List.of("leads retrieval"),
					Duration.ofMinutes(10)))
			.withMessageContaining("scopes");
		assertThatIllegalArgumentException().isThrownBy(
				() -> new FacebookLoginProperties(DEFAULTS.dialogBaseUrl(), DEFAULTS.scopes(), Duration.ofSeconds(5)))
			.withMessageContaining("state-ttl");
	}

	private static FacebookLogin login(String appId, List<String> secrets) {
		GraphProperties graph = new GraphProperties(URI.create("https://graph.facebook.com"), "v26.0", appId,
				Duration.ofSeconds(5), Duration.ofSeconds(10), 100, Duration.ofHours(1), 80, Duration.ofMinutes(5), 16);
		return new FacebookLogin(DEFAULTS, graph, new MetaProperties(secrets, null), null, Clock.systemUTC());
	}

}
