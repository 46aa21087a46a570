package io.leadrelay.page.connect;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
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

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.deleteRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Connecting pages with Facebook Login, the whole way: WireMock is Facebook's dialog
 * (sending the browser back with a code and the state it was given) and the Graph API.
 */
@LeadRelayIntegrationTest
@TestPropertySource(
		properties = { ConnectPagesIntegrationTests.APP_ID_PROPERTY, ConnectPagesIntegrationTests.DIALOG_PROPERTY })
class ConnectPagesIntegrationTests {

	static final String APP_ID_PROPERTY = "leadrelay.graph.app-id=424242424242";

	/** The stand-in Graph API is the dialog too. */
	static final String DIALOG_PROPERTY = "leadrelay.facebook-login.dialog-base-url=${leadrelay.graph.base-url}";

	static final String PAGE_A = "100200300400501";

	static final String PAGE_B = "100200300400502";

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
		stubFacebook(graph);
		this.browser = new PageSession(this.port);
		this.browser.signIn("admin", LeadRelayIntegrationTest.ADMIN_PASSWORD);
	}

	@Test
	void connectsTheChosenPagesWithTheirPageTokensAndInstallsTheAppOnThem() {
		this.pages.create(PAGE_B, "Old name", "old-token-b", "admin");
		graph.stubFor(post(urlPathEqualTo("/v26.0/" + PAGE_B + "/subscribed_apps"))
			.willReturn(aResponse().withStatus(403)
				.withHeader("Content-Type", "application/json")
				.withBody("{\"error\":{\"message\":\"(#200) The user must be an admin of the page\",\"code\":200}}")));
		HttpResponse<String> choose = this.browser.get(answerTheDialog(this.browser));
		assertThat(choose.statusCode()).isEqualTo(200);
		assertThat(choose.body())
			.contains("value=\"" + PAGE_A + "\"", "value=\"" + PAGE_B + "\"", "connected already",
					"Meta gave no token for it")
			.doesNotContain("page-token-a", "page-token-b", "long-user-token");

		HttpResponse<String> chosen = this.browser.post("/pages/connect/choose", "pageId=" + PAGE_A + "&pageId="
				+ PAGE_B + "&pageId=100200300400503&_csrf=" + PageSession.encode(PageSession.csrfToken(choose.body())));
		assertThat(chosen.statusCode()).isEqualTo(302);
		assertThat(chosen.headers().firstValue("Location").orElseThrow()).endsWith("/pages");

		verifyWhatMetaReceived();

		assertThat(this.pages.list()).as("a page Meta gave no token for is not connected").hasSize(2);
		assertThat(this.pages.accessToken(PAGE_A)).contains("page-token-a");
		assertThat(this.pages.accessToken(PAGE_B)).contains("page-token-b");
		assertThat(this.pages.get(PAGE_B).name()).isEqualTo("Acme Solar North");
		assertThat(this.pages.get(PAGE_A).tokenStatus()).isEqualTo("valid");
		assertThat(this.jdbc.queryForList("SELECT token_ciphertext FROM page", String.class))
			.noneMatch((stored) -> stored.contains("page-token"));
		assertThat(
				this.jdbc.queryForList("SELECT action || ' ' || subject_id FROM audit_event ORDER BY id", String.class))
			.contains("page.created " + PAGE_A, "page.app_installed " + PAGE_A, "page.updated " + PAGE_B,
					"page.app_install_refused " + PAGE_B);

		String list = this.browser.get("/pages").body();
		assertThat(list).contains("data-page-id=\"" + PAGE_A + "\"", "Acme Solar: connected",
				"Acme Solar North: the token is kept, but LeadRelay could not install its app on the page, so Meta "
						+ "does not send this page&#39;s leads yet. Meta said: (#200) The user must be an admin of the page");
		assertThat(this.browser.get("/pages/connect/choose").headers().firstValue("Location").orElseThrow())
			.as("the pages and their tokens are gone from the session")
			.endsWith("/pages");
	}

	private void verifyWhatMetaReceived() {
		String callback = "http://localhost:" + this.port + "/pages/connect/callback";
		graph.verify(1,
				getRequestedFor(urlPathEqualTo("/v26.0/oauth/access_token"))
					.withQueryParam("client_id", equalTo("424242424242"))
					.withQueryParam("redirect_uri", equalTo(callback))
					.withQueryParam("client_secret", equalTo(LeadRelayIntegrationTest.APP_SECRET))
					.withQueryParam("code", equalTo("c0de")));
		graph.verify(1,
				getRequestedFor(urlPathEqualTo("/v26.0/oauth/access_token"))
					.withQueryParam("grant_type", equalTo("fb_exchange_token"))
					.withQueryParam("client_id", equalTo("424242424242"))
					.withQueryParam("client_secret", equalTo(LeadRelayIntegrationTest.APP_SECRET))
					.withQueryParam("fb_exchange_token", equalTo("short-user-token")));
		graph.verify(2,
				getRequestedFor(urlPathEqualTo("/v26.0/me/accounts"))
					.withQueryParam("fields", equalTo("id,name,access_token,tasks"))
					.withQueryParam("access_token", equalTo("long-user-token")));
		graph.verify(1,
				postRequestedFor(urlPathEqualTo("/v26.0/" + PAGE_A + "/subscribed_apps"))
					.withQueryParam("subscribed_fields", equalTo("leadgen"))
					.withQueryParam("access_token", equalTo("page-token-a")));
		graph.verify(1, postRequestedFor(urlPathEqualTo("/v26.0/" + PAGE_B + "/subscribed_apps"))
			.withQueryParam("access_token", equalTo("page-token-b")));
		graph.verify(1,
				getRequestedFor(urlPathEqualTo("/v26.0/debug_token"))
					.withQueryParam("input_token", equalTo("page-token-a"))
					.withQueryParam("access_token", equalTo("424242424242|" + LeadRelayIntegrationTest.APP_SECRET)));
	}

	@Test
	void refusesAForgedStateWithoutExchangingTheCode() {
		this.browser.get("/pages/connect");
		HttpResponse<String> answer = this.browser.get("/pages/connect/callback?code=c0de&state=forged-state");
		assertThat(answer.statusCode()).isEqualTo(400);
		assertThat(answer.body()).contains("LeadRelay did not start this sign-in with Facebook");
		graph.verify(0, getRequestedFor(urlPathEqualTo("/v26.0/oauth/access_token")));
	}

	@Test
	void refusesTheAnswerInAnotherSessionAndAReplayedOne() {
		String callback = answerTheDialogPath(this.browser);
		PageSession other = new PageSession(this.port);
		other.signIn("admin", LeadRelayIntegrationTest.ADMIN_PASSWORD);
		HttpResponse<String> elsewhere = other.get(callback);
		assertThat(elsewhere.statusCode()).isEqualTo(400);
		assertThat(elsewhere.body()).contains("started in another browser session");
		assertThat(this.browser.get(callback).body()).contains("was used already");
		graph.verify(0, getRequestedFor(urlPathEqualTo("/v26.0/oauth/access_token")));
	}

	@Test
	void saysWhenThePersonCancelledTheDialog() {
		this.browser.get("/pages/connect");
		HttpResponse<String> answer = this.browser.get(
				"/pages/connect/callback?error=access_denied&error_reason=user_denied&error_description=Permissions+error&state=x");
		assertThat(answer.body()).contains("You cancelled the sign-in with Facebook");
		graph.verify(0, getRequestedFor(urlPathEqualTo("/v26.0/oauth/access_token")));
	}

	@Test
	void disconnectingRemovesTheAppFromThePageAndForgetsIt() {
		this.pages.create(PAGE_A, "Acme Solar", "page-token-a", "admin");
		graph.stubFor(delete(urlPathEqualTo("/v26.0/" + PAGE_A + "/subscribed_apps"))
			.willReturn(okJson("{\"success\":true}")));
		String confirm = this.browser.get("/pages/" + PAGE_A + "/disconnect").body();
		assertThat(confirm).contains("Disconnect Acme Solar?", "None: every lead of this page");
		HttpResponse<String> done = this.browser.post("/pages/" + PAGE_A + "/disconnect",
				"_csrf=" + PageSession.encode(PageSession.csrfToken(confirm)));
		assertThat(done.statusCode()).isEqualTo(302);
		graph.verify(1, deleteRequestedFor(urlPathEqualTo("/v26.0/" + PAGE_A + "/subscribed_apps"))
			.withQueryParam("access_token", equalTo("page-token-a")));
		assertThat(this.pages.list()).isEmpty();
		assertThat(this.jdbc.queryForList("SELECT action FROM audit_event ORDER BY id", String.class))
			.contains("page.app_uninstalled", "page.deleted");
	}

	/** Opens the dialog and follows its answer: the path of the choose page. */
	private String answerTheDialog(PageSession session) {
		HttpResponse<String> callback = session.get(answerTheDialogPath(session));
		assertThat(callback.statusCode()).as(callback.body()).isEqualTo(302);
		return URI.create(callback.headers().firstValue("Location").orElseThrow()).getPath();
	}

	/**
	 * Opens the dialog: the callback path (with code and state) it sends the browser to.
	 */
	static String answerTheDialogPath(PageSession session) {
		HttpResponse<String> connect = session.get("/pages/connect");
		assertThat(connect.statusCode()).isEqualTo(302);
		URI dialog = URI.create(connect.headers().firstValue("Location").orElseThrow());
		assertThat(dialog.getPath()).isEqualTo("/v26.0/dialog/oauth");
		assertThat(dialog.getQuery()).contains("client_id=424242424242", "response_type=code",
				"scope=pages_show_list,pages_manage_metadata", "leads_retrieval");
		try {
			HttpResponse<String> answer = HttpClient.newHttpClient()
				.send(HttpRequest.newBuilder(dialog).GET().build(), HttpResponse.BodyHandlers.ofString());
			URI back = URI.create(answer.headers().firstValue("Location").orElseThrow());
			return back.getRawPath() + "?" + back.getRawQuery();
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** Facebook's dialog, its token exchanges and two pages of the person's pages. */
	static void stubFacebook(WireMockExtension graph) {
		graph.stubFor(get(urlPathEqualTo("/v26.0/dialog/oauth")).willReturn(aResponse().withStatus(302)
			.withHeader("Location", "{{{request.query.redirect_uri}}}?code=c0de&state={{{request.query.state}}}")
			.withTransformers("response-template")));
		graph.stubFor(get(urlPathEqualTo("/v26.0/oauth/access_token")).withQueryParam("code", equalTo("c0de"))
			.willReturn(
					okJson("{\"access_token\":\"short-user-token\",\"token_type\":\"bearer\",\"expires_in\":3600}")));
		graph.stubFor(get(urlPathEqualTo("/v26.0/oauth/access_token"))
			.withQueryParam("grant_type", equalTo("fb_exchange_token"))
			.willReturn(
					okJson("{\"access_token\":\"long-user-token\",\"token_type\":\"bearer\",\"expires_in\":5183944}")));
		graph.stubFor(get(urlPathEqualTo("/v26.0/me/accounts")).willReturn(okJson("""
				{"data":[{"id":"%s","name":"Acme Solar","access_token":"page-token-a","tasks":["ADVERTISE","MANAGE"]}],
				 "paging":{"cursors":{"before":"b1","after":"a1"},"next":"https://graph.facebook.com/next"}}"""
			.formatted(PAGE_A))));
		graph.stubFor(
				get(urlPathEqualTo("/v26.0/me/accounts")).withQueryParam("after", equalTo("a1")).willReturn(okJson("""
						{"data":[{"id":"%s","name":"Acme Solar North","access_token":"page-token-b","tasks":["MANAGE"]},
						         {"id":"100200300400503","name":"Someone else's page","tasks":[]}],
						 "paging":{"cursors":{"before":"b2","after":"a2"}}}""".formatted(PAGE_B))));
		graph.stubFor(
				post(urlPathMatching("/v26.0/[0-9]+/subscribed_apps")).willReturn(okJson("{\"success\":\"true\"}")));
		graph.stubFor(get(urlPathEqualTo("/v26.0/debug_token")).willReturn(okJson(
				"{\"data\":{\"is_valid\":true,\"type\":\"PAGE\",\"expires_at\":0,\"scopes\":[\"leads_retrieval\",\"pages_manage_metadata\"]}}")));
	}

}
