package io.leadrelay.form;

import java.net.http.HttpResponse;
import java.time.Duration;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.leadrelay.support.LeadRelayIntegrationTest;
import io.leadrelay.support.PageSession;
import io.leadrelay.support.SharedGraphApi;
import io.leadrelay.support.TableCleaner;
import io.leadrelay.support.WebhookClient;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.awaitility.Awaitility.await;

/**
 * A page's forms read from Meta (WireMock as the Graph API): page after page, kept,
 * replaced, kept when a read fails, read when the page gets a token, forgotten with the
 * page; and the forms page, its fragment and the API.
 */
@LeadRelayIntegrationTest
class FormRefreshIntegrationTests {

	static final String PAGE = "110000000000301";

	static final String FORMS = "/v26.0/" + PAGE + "/leadgen_forms";

	static final String PASSWORD = LeadRelayIntegrationTest.ADMIN_PASSWORD;

	@RegisterExtension
	static WireMockExtension graph = SharedGraphApi.extension();

	@LocalServerPort
	int port;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	FormRefresh refresh;

	@Autowired
	LeadForms forms;

	WebhookClient api;

	@BeforeEach
	void clean() {
		TableCleaner.deleteAll(this.jdbc);
		this.api = new WebhookClient(this.port);
	}

	@Test
	void aNewPagesFormsAreReadAfterItIsSavedPageAfterPage() {
		stubTwoPagesOfForms();

		addPage("EAAG-page-token");

		await().atMost(Duration.ofSeconds(10)).until(() -> this.forms.forPage(PAGE).size() == 2);
		graph.verify(getRequestedFor(urlPathEqualTo(FORMS)).withQueryParam("access_token", equalTo("EAAG-page-token"))
			.withQueryParam("fields", equalTo("id,name,status,locale,questions")));
		graph.verify(getRequestedFor(urlPathEqualTo(FORMS)).withQueryParam("after", equalTo("QVFIUm9")));
		LeadForm solar = this.forms.get("700000000000011").orElseThrow();
		assertThat(solar.name()).isEqualTo("Solar quote DE");
		assertThat(solar.status()).isEqualTo("ACTIVE");
		assertThat(solar.locale()).isEqualTo("de_DE");
		assertThat(solar.questions()).containsExactly(new LeadForm.Question("full_name", "Full name", "FULL_NAME"),
				new LeadForm.Question("email", "Email", "EMAIL"),
				new LeadForm.Question("roof_size", "How big is your roof?", "CUSTOM"));
		assertThat(this.forms.get("700000000000012").orElseThrow().status()).isEqualTo("ARCHIVED");
	}

	@Test
	void aFailedReadKeepsTheFormsAndSaysWhyInMetasWords() {
		stubTwoPagesOfForms();
		addPage("EAAG-page-token");
		await().atMost(Duration.ofSeconds(10)).until(() -> this.forms.forPage(PAGE).size() == 2);
		graph.resetAll();
		graph.stubFor(get(urlPathEqualTo(FORMS)).willReturn(aResponse().withStatus(400).withBody("""
				{"error":{"message":"Error validating access token: Session has expired on Monday, 23-Nov-26.",
				 "type":"OAuthException","code":190,"error_subcode":463,"fbtrace_id":"A1b2C3"}}""")));

		assertThatExceptionOfType(FormRefreshException.class).isThrownBy(() -> this.refresh.refresh(PAGE))
			.withMessageContaining("Error validating access token: Session has expired")
			.withMessageContaining("Give the page a new access token");
		assertThat(this.forms.forPage(PAGE)).hasSize(2);

		HttpResponse<String> refused = this.api.call("POST", "/api/v1/pages/" + PAGE + "/forms/refresh", "", "admin",
				PASSWORD);
		assertThat(refused.statusCode()).isEqualTo(502);
		assertThat(refused.body()).contains("Session has expired");
		assertThat(this.forms.forPage(PAGE)).hasSize(2);
	}

	@Test
	void theFormsPageItsFragmentAndTheApiShowTheForms() {
		stubTwoPagesOfForms();
		addPage("EAAG-page-token");
		await().atMost(Duration.ofSeconds(10)).until(() -> this.forms.forPage(PAGE).size() == 2);
		PageSession browser = new PageSession(this.port);
		browser.signIn("admin", PASSWORD);

		String page = browser.get("/forms?page=" + PAGE).body();
		assertThat(page).contains("<title>Forms of Acme Solar · LeadRelay</title>")
			.contains("data-form-id=\"700000000000011\"")
			.contains("roof_size")
			.contains("How big is your roof?")
			.contains("Last read from Meta")
			.contains("class=\"btn btn-primary refresh-forms\"");
		String fragment = browser.get("/forms/page/" + PAGE).body();
		assertThat(fragment).startsWith("<div id=\"forms\"").doesNotContain("<html");
		assertThat(fragment).contains("data-form-id=\"700000000000012\"");

		HttpResponse<String> listed = this.api.get("/api/v1/pages/" + PAGE + "/forms", "admin", PASSWORD);
		assertThat(listed.statusCode()).isEqualTo(200);
		assertThat(listed.body()).contains("\"formId\":\"700000000000011\"").contains("\"key\":\"roof_size\"");
		assertThat(this.api.get("/api/v1/forms/700000000000011", "admin", PASSWORD).body())
			.contains("\"name\":\"Solar quote DE\"");
		assertThat(this.api.get("/api/v1/forms/799999999999999", "admin", PASSWORD).statusCode()).isEqualTo(404);
		assertThat(this.api.get("/api/v1/pages/999/forms", "admin", PASSWORD).statusCode()).isEqualTo(404);
	}

	@Test
	void aRefreshReplacesTheKeptFormsAndARemovedPageForgetsThem() {
		stubTwoPagesOfForms();
		addPage("EAAG-page-token");
		await().atMost(Duration.ofSeconds(10)).until(() -> this.forms.forPage(PAGE).size() == 2);
		graph.resetAll();
		graph.stubFor(get(urlPathEqualTo(FORMS)).willReturn(okJson("""
				{"data":[{"id":"700000000000013","name":"Heat pump EN","status":"ACTIVE","locale":"en_GB",
				  "questions":[{"key":"email","label":"Email","type":"EMAIL","id":"1"}]}]}""")));

		PageSession browser = new PageSession(this.port);
		browser.signIn("admin", PASSWORD);
		String page = browser.get("/forms?page=" + PAGE).body();
		HttpResponse<String> refreshed = browser.post("/forms/page/" + PAGE + "/refresh",
				"_csrf=" + PageSession.csrfToken(page));
		assertThat(refreshed.statusCode()).as("a plain form post is redirected").isEqualTo(302);
		assertThat(refreshed.headers().firstValue("Location").orElseThrow()).endsWith("/forms?page=" + PAGE);
		assertThat(this.forms.forPage(PAGE)).extracting(LeadForm::formId).containsExactly("700000000000013");

		assertThat(this.api.call("DELETE", "/api/v1/pages/" + PAGE, null, "admin", PASSWORD).statusCode())
			.isEqualTo(204);
		assertThat(this.forms.forPage(PAGE)).isEmpty();
	}

	private void addPage(String token) {
		assertThat(this.api
			.call("POST", "/api/v1/pages",
					"{\"pageId\":\"" + PAGE + "\",\"name\":\"Acme Solar\",\"accessToken\":\"" + token + "\"}", "admin",
					PASSWORD)
			.statusCode()).isEqualTo(201);
	}

	private static void stubTwoPagesOfForms() {
		graph.stubFor(get(urlPathEqualTo("/v26.0/debug_token"))
			.willReturn(okJson("{\"data\":{\"is_valid\":true,\"expires_at\":0,\"scopes\":[\"leads_retrieval\"]}}")));
		graph.stubFor(get(urlPathEqualTo(FORMS)).willReturn(okJson("""
				{"data":[{"id":"700000000000011","name":"Solar quote DE","status":"ACTIVE","locale":"de_DE",
				  "questions":[{"key":"full_name","label":"Full name","type":"FULL_NAME","id":"311"},
				    {"key":"email","label":"Email","type":"EMAIL","id":"312"},
				    {"key":"roof_size","label":"How big is your roof?","type":"CUSTOM","id":"313",
				     "options":[{"key":"small","value":"Under 30 m²"},{"key":"large","value":"30 m² or more"}]}]}],
				 "paging":{"cursors":{"before":"QVFIUk1","after":"QVFIUm9"},
				   "next":"https://graph.facebook.com/v26.0/110000000000301/leadgen_forms?after=QVFIUm9"}}""")));
		graph.stubFor(get(urlPathEqualTo(FORMS)).withQueryParam("after", equalTo("QVFIUm9")).willReturn(okJson("""
				{"data":[{"id":"700000000000012","name":"Solar quote 2025","status":"ARCHIVED","locale":"de_DE",
				  "questions":[{"key":"email","label":"Email","type":"EMAIL","id":"321"}]}],
				 "paging":{"cursors":{"before":"QVFIUm9","after":"QVFIUn0"}}}""")));
	}

}
