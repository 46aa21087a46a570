package io.leadrelay.security.tokens;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import io.leadrelay.support.LeadRelayIntegrationTest;
import io.leadrelay.support.browser.BrowserTest;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A person creates an API token on their account page, a script uses it, they revoke it.
 */
class TokenPageBrowserTests extends BrowserTest {

	final HttpClient http = HttpClient.newHttpClient();

	@Test
	void createsATokenShownOnceAndRevokesIt() throws Exception {
		signIn("admin", LeadRelayIntegrationTest.ADMIN_PASSWORD);
		open("/account/tokens");
		TokensPage page = new TokensPage(browser(), waitFor());
		assertThat(page.emptyState()).startsWith("No tokens yet.");
		screenshot("tokens-empty");

		page = page.create("nightly export", "30 days");
		String secret = page.newTokenSecret();
		assertThat(secret).startsWith("lr_").hasSize(46);
		assertThat(page.rows()).singleElement()
			.asString()
			.contains("nightly export", secret.substring(0, 9) + "…", "in 30 days", "Never", "Active");
		screenshot("tokens-created");
		assertThat(page.copyNewTokenSecret()).isEqualTo("Copied");
		assertThat(leads(secret)).isEqualTo(200);

		open("/account/tokens");
		page = new TokensPage(browser(), waitFor());
		assertThat(browser().getPageSource()).as("shown once").doesNotContain(secret);
		assertThat(page.rows()).singleElement().asString().contains("just now").doesNotContain("Never");

		page = page.revoke("nightly export");
		assertThat(page.flash()).startsWith("Revoked.");
		assertThat(page.rows()).singleElement().asString().contains("Revoked");
		screenshot("tokens-revoked");
		assertThat(leads(secret)).isEqualTo(401);
	}

	@Test
	void saysWhatIsMissingBesideTheName() {
		signIn("admin", LeadRelayIntegrationTest.ADMIN_PASSWORD);
		open("/account/tokens");

		TokensPage page = new TokensPage(browser(), waitFor()).create("  ", "90 days");

		assertThat(page.nameError()).isEqualTo("Give the token a name, such as the script that will use it");
		screenshot("tokens-name-missing");
	}

	private int leads(String secret) throws Exception {
		HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl() + "/api/v1/leads"))
			.header("Authorization", "Bearer " + secret)
			.build();
		return this.http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
	}

}
