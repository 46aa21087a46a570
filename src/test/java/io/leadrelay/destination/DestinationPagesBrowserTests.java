package io.leadrelay.destination;

import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.List;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.leadrelay.form.LeadForm;
import io.leadrelay.form.LeadForms;
import io.leadrelay.support.LeadRelayIntegrationTest;
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
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A marketer adds a HubSpot destination in the browser (WireMock as HubSpot): the form
 * explains each setting, puts an error beside the field it concerns and keeps what was
 * typed but the token; the connection test tells the CRM's refusal, then its success; a
 * test lead goes through the destination's mapping and its page is marked as a test.
 */
class DestinationPagesBrowserTests extends BrowserTest {

	static final String TOKEN = "pat-na1-99999999-8888-7777-6666-555555555555";

	static final String UPSERT = "/crm/v3/objects/contacts/batch/upsert";

	@RegisterExtension
	static WireMockExtension hubspot = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

	@LocalServerPort
	int port;

	@Autowired
	LeadForms forms;

	@Test
	void aHubSpotDestinationIsAddedTestedAndSentATestLead() {
		signIn("admin", LeadRelayIntegrationTest.ADMIN_PASSWORD);
		open("/destinations");
		waitFor().until(ExpectedConditions.presenceOfElementLocated(By.id("no-destinations")));
		screenshot("destinations-1-empty");
		browser().findElement(By.id("add-destination")).click();
		waitFor().until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("a.choose-type[data-type=hubspot]")))
			.click();
		waitFor().until(ExpectedConditions.presenceOfElementLocated(By.id("destination-form")));
		assertThat(browser().findElement(By.id("settings-baseUrl")).getAttribute("value"))
			.isEqualTo("https://api.hubapi.com");
		assertThat(browser().findElement(By.id("help-credentials-accessToken")).getText())
			.contains("crm.objects.contacts.write");
		screenshot("destinations-2-hubspot-form");

		browser().findElement(By.id("destination-name")).sendKeys("HubSpot sales");
		WebElement baseUrl = browser().findElement(By.id("settings-baseUrl"));
		baseUrl.clear();
		baseUrl.sendKeys("api.hubapi.com");
		browser().findElement(By.id("credentials-accessToken")).sendKeys(TOKEN);
		click(By.id("save-destination"));
		WebElement error = waitFor()
			.until(ExpectedConditions.presenceOfElementLocated(By.id("error-settings-baseUrl")));
		assertThat(error.getText()).isEqualTo("API address must be an absolute http or https URL");
		assertThat(browser().findElement(By.id("settings-baseUrl")).getAttribute("class")).contains("is-invalid");
		assertThat(browser().findElement(By.id("destination-name")).getAttribute("value")).isEqualTo("HubSpot sales");
		assertThat(browser().findElement(By.id("credentials-accessToken")).getAttribute("value")).isEmpty();
		assertThat(browser().getPageSource()).doesNotContain(TOKEN);
		screenshot("destinations-3-error-beside-the-field");

		baseUrl = browser().findElement(By.id("settings-baseUrl"));
		baseUrl.clear();
		baseUrl.sendKeys(hubspot.baseUrl());
		click(By.id("save-destination"));
		waitFor().until(ExpectedConditions.presenceOfElementLocated(By.id("credentials-accessToken")));
		assertThat(browser().findElement(By.id("error-credentials-accessToken")).getText())
			.isEqualTo("Private app access token is required");
		browser().findElement(By.id("credentials-accessToken")).sendKeys(TOKEN);
		click(By.id("save-destination"));
		waitFor().until(ExpectedConditions.urlToBe(baseUrl() + "/destinations/hubspot-sales"));
		assertThat(browser().findElement(By.cssSelector("[data-credential=accessToken]")).getText()).contains("set");
		assertThat(browser().getPageSource()).doesNotContain(TOKEN);

		theConnectionTestTellsWhatHubSpotSaid();
		anEditWithTheTokenLeftEmptyKeepsIt();
		aTestLeadGoesThroughTheDestinationsMapping();
	}

	private void theConnectionTestTellsWhatHubSpotSaid() {
		hubspot.stubFor(post(UPSERT).willReturn(aResponse().withStatus(401)
			.withHeader("Content-Type", "application/json")
			.withBody(
					"""
							{"status":"error","message":"Authentication credentials not found.","category":"INVALID_AUTHENTICATION"}""")));
		click(By.id("test-connection"));
		WebElement result = waitFor()
			.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#test-result [data-outcome]")));
		assertThat(result.getText()).contains("refused the credentials")
			.contains("Authentication credentials not found.")
			.contains("401");
		screenshot("destinations-4-test-refused");

		hubspot.resetAll();
		hubspot.stubFor(post(UPSERT).willReturn(okJson(created("601"))));
		click(By.id("test-connection"));
		waitFor().until(ExpectedConditions.textToBePresentInElementLocated(By.id("test-result"), "It works"));
		screenshot("destinations-5-test-works");
	}

	private void anEditWithTheTokenLeftEmptyKeepsIt() {
		click(By.id("edit-destination"));
		WebElement token = waitFor()
			.until(ExpectedConditions.presenceOfElementLocated(By.id("credentials-accessToken")));
		assertThat(token.getAttribute("value")).isEmpty();
		assertThat(token.getAttribute("placeholder")).isEqualTo("leave empty to keep the current one");
		assertThat(browser().getPageSource()).doesNotContain(TOKEN);
		WebElement name = browser().findElement(By.id("destination-name"));
		name.clear();
		name.sendKeys("HubSpot sales team");
		screenshot("destinations-5b-edit");
		click(By.id("save-destination"));
		waitFor().until(ExpectedConditions.urlToBe(baseUrl() + "/destinations/hubspot-sales"));
		assertThat(browser().findElement(By.tagName("h1")).getText()).contains("HubSpot sales team");
		hubspot.resetAll();
		hubspot.stubFor(post(UPSERT).willReturn(okJson(created("603"))));
		click(By.id("test-connection"));
		waitFor().until(ExpectedConditions.textToBePresentInElementLocated(By.id("test-result"), "It works"));
		hubspot.verify(1,
				postRequestedFor(urlPathEqualTo(UPSERT)).withHeader("Authorization", equalTo("Bearer " + TOKEN)));
	}

	private void aTestLeadGoesThroughTheDestinationsMapping() {
		click(By.id("send-test-lead"));
		waitFor().until(ExpectedConditions.presenceOfElementLocated(By.id("no-mappings")));
		assertThat(browser().findElement(By.id("create-mapping")).getAttribute("href"))
			.endsWith("/mappings/new?destination=hubspot-sales");
		screenshot("destinations-6-test-lead-no-mapping");

		this.forms.replaceForPage("100000000000001",
				List.of(new LeadForm("700000000000011", "100000000000001", "Solar DE", "ACTIVE", "de_DE",
						List.of(new LeadForm.Question("full_name", "Full name", "FULL_NAME"),
								new LeadForm.Question("email", "Email", "EMAIL"),
								new LeadForm.Question("roof", "What kind of roof do you have?", "CUSTOM")),
						Instant.now())),
				Instant.now());
		HttpResponse<String> mapping = new WebhookClient(this.port).call("POST", "/api/v1/mappings", "application/yaml",
				"""
						id: hubspot-sales-contacts
						destination: hubspot-sales
						match:
						  forms: ["700000000000011"]
						fields:
						  email: {answer: email, required: true}
						  firstname: {answer: full_name, transforms: [{split_name: first}]}
						  roof_type: {answer: roof}
						  leadrelay_test: {meta: is_test}
						""", "admin", LeadRelayIntegrationTest.ADMIN_PASSWORD);
		assertThat(mapping.statusCode()).as(mapping.body()).isEqualTo(201);

		hubspot.resetAll();
		hubspot.stubFor(post(UPSERT).willReturn(okJson(created("602"))));
		browser().navigate().refresh();
		WebElement roof = waitFor()
			.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("input[data-question=roof]")));
		assertThat(browser().getCurrentUrl()).endsWith("/mappings/hubspot-sales-contacts/test-lead");
		assertThat(browser().findElement(By.cssSelector("input[data-question=email]")).getAttribute("value"))
			.isEqualTo("leadrelay-test@example.com");
		roof.clear();
		roof.sendKeys("flat");
		screenshot("destinations-7-test-lead-form");
		click(By.cssSelector("button#send-test-lead"));
		waitFor()
			.until(ExpectedConditions.textToBePresentInElementLocated(By.id("test-lead-result"), "Reached the CRM"));
		hubspot.verify(1, postRequestedFor(urlPathEqualTo(UPSERT)).withRequestBody(equalToJson(
				"""
						{"inputs":[{"idProperty":"email","id":"leadrelay-test@example.com","properties":{
						  "email":"leadrelay-test@example.com","firstname":"Test","roof_type":"flat","leadrelay_test":"true"}}]}""",
				true, true)));
		screenshot("destinations-8-test-lead-sent");

		theTestLeadIsMarkedAsATest();
	}

	private void theTestLeadIsMarkedAsATest() {
		click(By.id("test-lead-timeline"));
		waitFor().until(ExpectedConditions.presenceOfElementLocated(By.id("timeline")));
		assertThat(browser().findElement(By.cssSelector("h1 .badge-test")).getText()).isEqualTo("Test");
		assertThat(browser().findElement(By.id("timeline")).getText()).contains("Test lead (not a real person) made")
			.contains("Delivered to HubSpot sales team");
		screenshot("destinations-9-test-lead-page");
		open("/leads");
		waitFor().until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#leads .badge-test")));
		screenshot("destinations-10-leads-list");
		resize(390, 844);
		open("/destinations/new?type=salesforce");
		waitFor().until(ExpectedConditions.presenceOfElementLocated(By.id("destination-form")));
		screenshot("destinations-11-salesforce-form-phone");
		resize(1280, 800);
	}

	/**
	 * Clicks an element once scrolled to the middle of the window (below the fold at
	 * 1280x800).
	 */
	private void click(By element) {
		WebElement found = browser().findElement(element);
		((JavascriptExecutor) browser())
			.executeScript("arguments[0].scrollIntoView({block: 'center', behavior: 'instant'});", found);
		found.click();
	}

	private static String created(String id) {
		return """
				{"status":"COMPLETE","results":[{"id":"%s","new":true,"properties":{"email":"leadrelay-test@example.com"},
				  "createdAt":"2026-11-23T10:00:01Z","updatedAt":"2026-11-23T10:00:01Z","archived":false}],
				 "startedAt":"2026-11-23T10:00:01Z","completedAt":"2026-11-23T10:00:01Z"}"""
			.formatted(id);
	}

}
