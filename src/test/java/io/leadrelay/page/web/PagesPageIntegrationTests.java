package io.leadrelay.page.web;

import java.net.http.HttpResponse;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.leadrelay.page.Pages;
import io.leadrelay.support.LeadRelayIntegrationTest;
import io.leadrelay.support.PageSession;
import io.leadrelay.support.SharedGraphApi;
import io.leadrelay.support.TableCleaner;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The pages page's actions besides Facebook Login: a token pasted by hand, a token check,
 * fetching missed leads, and what the disconnect confirmation says of waiting leads.
 */
@LeadRelayIntegrationTest
@TestPropertySource(properties = { "leadrelay.graph.app-id=424242424242",
		"leadrelay.facebook-login.dialog-base-url=${leadrelay.graph.base-url}" })
class PagesPageIntegrationTests {

	static final String PAGE = "100200300400501";

	@RegisterExtension
	static WireMockExtension graph = SharedGraphApi.extension();

	@LocalServerPort
	int port;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	Pages pages;

	PageSession browser;

	@BeforeEach
	void signIn() {
		TableCleaner.deleteAll(this.jdbc);
		graph.stubFor(post(urlPathMatching("/v26.0/[0-9]+/subscribed_apps")).willReturn(okJson("{\"success\":true}")));
		graph.stubFor(get(urlPathEqualTo("/v26.0/debug_token"))
			.willReturn(okJson("{\"data\":{\"is_valid\":true,\"expires_at\":0,\"scopes\":[\"leads_retrieval\"]}}")));
		this.browser = new PageSession(this.port);
		this.browser.signIn("admin", LeadRelayIntegrationTest.ADMIN_PASSWORD);
	}

	@Test
	void refusesABadPastedTokenBesideTheFieldWithoutEchoingIt() {
		String form = this.browser.get("/pages/new").body();
		HttpResponse<String> refused = this.browser.post("/pages/new", "pageId=" + PAGE + "&name=Acme&accessToken="
				+ PageSession.encode("EAAG secret with spaces") + "&_csrf=" + csrf(form));
		assertThat(refused.statusCode()).isEqualTo(200);
		assertThat(refused.body()).contains("is-invalid", "The token must be a page access token")
			.doesNotContain("EAAG secret");
		assertThat(this.pages.list()).isEmpty();
	}

	@Test
	void connectsAPageWithAPastedTokenAndInstallsTheApp() {
		String form = this.browser.get("/pages/new").body();
		HttpResponse<String> saved = this.browser.post("/pages/new",
				"pageId=" + PAGE + "&name=Acme+Solar&accessToken=EAAG-pasted&_csrf=" + csrf(form));
		assertThat(saved.statusCode()).isEqualTo(302);
		assertThat(this.pages.accessToken(PAGE)).contains("EAAG-pasted");
		graph.verify(1, postRequestedFor(urlPathEqualTo("/v26.0/" + PAGE + "/subscribed_apps"))
			.withQueryParam("access_token", equalTo("EAAG-pasted")));
		String list = this.browser.get("/pages").body();
		assertThat(list).contains("Acme Solar: connected", "Working").doesNotContain("EAAG-pasted");
	}

	@Test
	void checksATokenMetaNoLongerAcceptsAndOffersToConnectAgain() {
		this.pages.create(PAGE, "Acme Solar", "EAAG-old", "admin");
		graph.stubFor(get(urlPathEqualTo("/v26.0/debug_token")).willReturn(okJson(
				"{\"data\":{\"is_valid\":false,\"expires_at\":0,\"scopes\":[],\"error\":{\"message\":\"The user changed their password\"}}}")));
		String list = this.browser.get("/pages").body();
		this.browser.post("/pages/" + PAGE + "/check", "_csrf=" + csrf(list));
		String checked = this.browser.get("/pages").body();
		assertThat(checked).contains("Token of Acme Solar: Refused by Meta. Meta said: The user changed their password")
			.containsPattern("reconnect\"\\s+href=\"/pages/connect\"");
	}

	@Test
	void fetchesMissedLeadsSinceADayAndSaysHowManyWereFound() {
		this.pages.create(PAGE, "Acme Solar", "EAAG-1", "admin");
		graph.stubFor(get(urlPathEqualTo("/v26.0/" + PAGE + "/leadgen_forms"))
			.willReturn(okJson("{\"data\":[{\"id\":\"700000000000011\",\"status\":\"ACTIVE\"}]}")));
		graph.stubFor(get(urlPathEqualTo("/v26.0/700000000000011/leads")).willReturn(okJson(
				"{\"data\":[{\"id\":\"920000000000991\",\"created_time\":\"2026-11-23T10:00:00+0000\",\"field_data\":[]}]}")));
		String list = this.browser.get("/pages").body();
		this.browser.post("/pages/" + PAGE + "/fetch-missed", "since=2026-11-20&_csrf=" + csrf(list));
		assertThat(this.browser.get("/pages").body())
			.contains("Missed leads of Acme Solar since 2026-11-20: 1 lead(s) found on 1 form(s), 1 of them new");
		assertThat(this.jdbc.queryForObject("SELECT COUNT(*) FROM lead_event WHERE page_id = ?", Integer.class, PAGE))
			.isEqualTo(1);
	}

	@Test
	void theDisconnectConfirmationCountsThePagesLeadsNotReadYet() {
		this.pages.create(PAGE, "Acme Solar", "EAAG-1", "admin");
		this.jdbc.update("""
				INSERT INTO lead_event (leadgen_id, page_id, received_at, source, status, raw_value)
				VALUES ('920000000000992', ?, CURRENT_TIMESTAMP, 'webhook', 'needs_token', '{}')""", PAGE);
		String confirm = this.browser.get("/pages/" + PAGE + "/disconnect").body();
		assertThat(confirm).contains("<strong>1</strong> lead(s) Meta told").doesNotContain("None: every lead");
	}

	private static String csrf(String page) {
		return PageSession.encode(PageSession.csrfToken(page));
	}

}
