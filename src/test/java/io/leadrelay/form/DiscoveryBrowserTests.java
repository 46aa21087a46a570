package io.leadrelay.form;

import java.time.Duration;
import java.util.List;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.leadrelay.delivery.fields.RecordedAnswers;
import io.leadrelay.support.LeadRelayIntegrationTest;
import io.leadrelay.support.SharedGraphApi;
import io.leadrelay.support.WebhookClient;
import io.leadrelay.support.browser.BrowserTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A marketer looks at a page's forms and their questions, reads them from Meta again (a
 * new form shows up), then at the fields of a HubSpot destination, as its page will load
 * them with htmx; the CRM then refuses the token, and the kept fields stay with HubSpot's
 * words above them.
 */
class DiscoveryBrowserTests extends BrowserTest {

	static final String PAGE = "110000000000401";

	static final String FORMS = "/v26.0/" + PAGE + "/leadgen_forms";

	static final String PASSWORD = LeadRelayIntegrationTest.ADMIN_PASSWORD;

	@RegisterExtension
	static WireMockExtension graph = SharedGraphApi.extension();

	@RegisterExtension
	static WireMockExtension hubspot = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

	@LocalServerPort
	int port;

	@Autowired
	LeadForms forms;

	@Test
	void formsOfAPageAndFieldsOfACrm() {
		WebhookClient api = new WebhookClient(this.port);
		graph.stubFor(get(urlPathEqualTo("/v26.0/debug_token"))
			.willReturn(okJson("{\"data\":{\"is_valid\":true,\"expires_at\":0,\"scopes\":[\"leads_retrieval\"]}}")));
		graph.stubFor(get(urlPathEqualTo(FORMS)).willReturn(okJson(forms(SOLAR))));
		api.call("POST", "/api/v1/pages",
				"{\"pageId\":\"" + PAGE + "\",\"name\":\"Acme Solar\",\"accessToken\":\"EAAG-1\"}", "admin", PASSWORD);
		await().atMost(Duration.ofSeconds(10)).until(() -> this.forms.forPage(PAGE).size() == 1);
		signIn("admin", PASSWORD);

		open("/forms?page=" + PAGE);
		waitFor().until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("tr[data-form-id]")));
		assertThat(browser().findElement(By.tagName("h1")).getText()).isEqualTo("Forms of Acme Solar");
		assertThat(browser().findElement(By.cssSelector("tr[data-form-id='700000000000021']")).getText())
			.contains("Solar quote DE", "How big is your roof?", "roof_size", "Active");
		screenshot("discovery-1-forms-of-a-page");

		graph.stubFor(get(urlPathEqualTo(FORMS)).willReturn(okJson(forms(SOLAR + "," + HEAT_PUMP))));
		browser().findElement(By.cssSelector("button.refresh-forms")).click();
		waitFor()
			.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("tr[data-form-id='700000000000022']")));
		assertThat(browser().findElement(By.cssSelector("#forms .alert-success")).getText())
			.isEqualTo("Read 2 forms from Meta.");
		assertThat(browser().findElement(By.cssSelector(".forms-read-at")).getText()).contains("Last read from Meta");
		screenshot("discovery-2-forms-read-again");
		resize(390, 844);
		screenshot("discovery-3-forms-on-a-phone");
		resize(1280, 800);

		theFieldsOfAHubSpotDestination(api);
	}

	private void theFieldsOfAHubSpotDestination(WebhookClient api) {
		hubspot.stubFor(get(urlPathEqualTo("/crm/v3/properties/contacts"))
			.willReturn(okJson(RecordedAnswers.read("hubspot-properties.json"))));
		api.call("POST", "/api/v1/destinations", """
				{"id":"hubspot-main","name":"HubSpot","type":"hubspot","settings":{"baseUrl":"%s"},
				 "credentials":{"accessToken":"pat-na1-11111111-2222-3333-4444-555555555555"}}"""
			.formatted(hubspot.baseUrl()), "admin", PASSWORD);
		hostTheFieldsFragment("hubspot-main");
		waitFor().until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#crm-fields tr[data-field]")));
		List<WebElement> rows = browser().findElements(By.cssSelector("#crm-fields tr[data-field]"));
		assertThat(rows.get(0).getAttribute("data-field")).isEqualTo("email");
		assertThat(rows.get(0).getText()).contains("Email", "Required");
		assertThat(browser().findElement(By.cssSelector("tr[data-field='createdate']")).getText())
			.contains("Set by the CRM");
		assertThat(browser().findElement(By.cssSelector("#crm-fields")).getText()).contains("read from the CRM");
		scrollTo("crm-fields");
		screenshot("discovery-4-crm-fields");

		hubspot.stubFor(get(urlPathEqualTo("/crm/v3/properties/contacts"))
			.withHeader("Authorization", equalTo("Bearer pat-na1-11111111-2222-3333-4444-555555555555"))
			.willReturn(aResponse().withStatus(401)
				.withHeader("Content-Type", "application/json")
				.withBody("{\"status\":\"error\",\"message\":\"The OAuth token used to make this call expired 2 day(s)"
						+ " ago.\",\"category\":\"EXPIRED_AUTHENTICATION\"}")));
		browser().findElement(By.id("refresh-fields")).click();
		waitFor().until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#crm-fields .fields-problem")));
		assertThat(browser().findElement(By.cssSelector("#crm-fields .fields-problem")).getText())
			.contains("HubSpot answered HTTP 401", "expired 2 day(s) ago", "from the last read");
		assertThat(browser().findElements(By.cssSelector("#crm-fields tr[data-field]"))).hasSize(rows.size());
		scrollTo("crm-fields");
		screenshot("discovery-5-crm-fields-refused");
	}

	/**
	 * Loads the fields fragment into the open page as the destination's page will:
	 * {@code <div hx-get="/destinations/<id>/fields" hx-trigger="load">}.
	 */
	private void hostTheFieldsFragment(String destinationId) {
		((JavascriptExecutor) browser()).executeScript("""
				var host = document.createElement('div');
				host.setAttribute('hx-get', '/destinations/' + arguments[0] + '/fields');
				host.setAttribute('hx-trigger', 'load');
				host.setAttribute('hx-swap', 'outerHTML');
				document.querySelector('main').appendChild(host);
				htmx.process(host);""", destinationId);
	}

	private void scrollTo(String id) {
		((JavascriptExecutor) browser()).executeScript("document.getElementById(arguments[0]).scrollIntoView();", id);
	}

	private static String forms(String data) {
		return "{\"data\":[" + data + "]}";
	}

	static final String SOLAR = """
			{"id":"700000000000021","name":"Solar quote DE","status":"ACTIVE","locale":"de_DE",
			 "questions":[{"key":"full_name","label":"Full name","type":"FULL_NAME"},
			   {"key":"email","label":"Email","type":"EMAIL"},{"key":"phone_number","label":"Phone number","type":"PHONE"},
			   {"key":"roof_size","label":"How big is your roof?","type":"CUSTOM"}]}""";

	static final String HEAT_PUMP = """
			{"id":"700000000000022","name":"Heat pump EN","status":"ARCHIVED","locale":"en_GB",
			 "questions":[{"key":"email","label":"Email","type":"EMAIL"},
			   {"key":"postcode","label":"Post code","type":"POST_CODE"}]}""";

}
