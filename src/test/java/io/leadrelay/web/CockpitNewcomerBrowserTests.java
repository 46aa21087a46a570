package io.leadrelay.web;

import java.net.http.HttpResponse;
import java.time.Duration;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import io.leadrelay.support.LeadRelayIntegrationTest;
import io.leadrelay.support.LeadgenPayloads;
import io.leadrelay.support.WebhookClient;
import io.leadrelay.support.browser.BrowserTest;
import io.leadrelay.support.GraphBatchStandIn;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * What the cockpit is for, walked as a newcomer would, on the whole engine (pipeline and
 * delivery on, WireMock as the Graph API and as the CRM): a signed webhook makes the open
 * dashboard count a lead without a reload; the lead is found by its email and its story
 * read; the CRM refuses its phone number, so it becomes a dead letter, which is fixed in
 * the browser and then reaches the CRM.
 */
@TestPropertySource(properties = { "leadrelay.pipeline.enabled=true", "leadrelay.delivery.enabled=true",
		"leadrelay.pipeline.poll-interval=200ms", "leadrelay.delivery.poll-interval=200ms",
		"leadrelay.dashboard.refresh=5s" })
class CockpitNewcomerBrowserTests extends BrowserTest {

	static final String LEAD = "920000000007001";

	@RegisterExtension
	static WireMockExtension graph = GraphBatchStandIn.wireMock();

	@RegisterExtension
	static WireMockExtension crm = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

	@DynamicPropertySource
	static void graph(DynamicPropertyRegistry registry) {
		registry.add("leadrelay.graph.base-url", graph::baseUrl);
	}

	@LocalServerPort
	int port;

	@Test
	void aLeadArrivesIsFoundByEmailAndItsDeadLetterIsFixedInTheBrowser() throws Exception {
		WebhookClient meta = new WebhookClient(this.port);
		aPageAMappingAndACrmThatRefusesLocalPhoneNumbers(meta);
		signIn("admin", LeadRelayIntegrationTest.ADMIN_PASSWORD);
		theOpenDashboardCountsASignedWebhooksLead(meta);
		theLeadIsFoundByEmailAndTellsItsStory();
		theDeadLetterIsFixedAndReachesTheCrm();
	}

	private void aPageAMappingAndACrmThatRefusesLocalPhoneNumbers(WebhookClient meta) {
		stubTheGraphApi();
		crm.stubFor(post("/leads")
			.willReturn(aResponse().withStatus(422).withBody("{\"error\":\"phone must be E.164, such as +4915...\"}")));
		crm.stubFor(post("/leads").withRequestBody(matchingJsonPath("$.data.fields.phone", equalTo("+4915123456789")))
			.willReturn(aResponse().withStatus(201)));
		admin(meta, "POST", "/api/v1/destinations", """
				{"id":"sales-crm","name":"Sales CRM","type":"webhook","settings":{"url":"%s/leads"},
				 "credentials":{"signingSecret":"whsec_c2lnbmluZy1zZWNyZXQtZm9yLXRlc3Rz"}}""".formatted(crm.baseUrl()));
		admin(meta, "POST", "/api/v1/mappings", "application/yaml", """
				id: sales-crm-contacts
				destination: sales-crm
				match:
				  forms: ["%s"]
				fields:
				  email: {answer: email, transforms: [trim, lower], required: true}
				  name: {answer: full_name}
				  phone: {answer: phone_number}
				""".formatted(LeadgenPayloads.FORM_ID));
		admin(meta, "POST", "/api/v1/pages",
				"{\"pageId\":\"" + LeadgenPayloads.PAGE_ID + "\",\"name\":\"Acme Solar\",\"accessToken\":\"EAAG-1\"}");
	}

	private void theOpenDashboardCountsASignedWebhooksLead(WebhookClient meta) {
		open("/");
		waitFor().until(ExpectedConditions.presenceOfElementLocated(By.id("getting-started")));
		((JavascriptExecutor) browser()).executeScript("window.newcomerMark = 'no reload';");
		assertThat(
				meta.postSigned(LeadRelayIntegrationTest.APP_SECRET, LeadgenPayloads.notification(LEAD)).statusCode())
			.isEqualTo(200);
		await().atMost(Duration.ofSeconds(30))
			.untilAsserted(() -> assertThat(this.jdbc.queryForList("SELECT status, last_error FROM delivery"))
				.as("deliveries; leads: %s", this.jdbc.queryForList("SELECT status, last_error FROM lead_event"))
				.singleElement()
				.satisfies((delivery) -> assertThat(delivery.get("STATUS")).isEqualTo("dead")));
		new WebDriverWait(browser(), Duration.ofSeconds(30))
			.until(ExpectedConditions.textToBePresentInElementLocated(By.id("dead-letters"), "1"));
		assertThat(browser().findElement(By.id("leads-today")).getText()).isEqualTo("1");
		assertThat(((JavascriptExecutor) browser()).executeScript("return window.newcomerMark;"))
			.as("the dashboard counted the lead without a reload")
			.isEqualTo("no reload");
		screenshot("newcomer-cockpit-1-dashboard");
	}

	private void theLeadIsFoundByEmailAndTellsItsStory() {
		browser().findElement(By.linkText("Leads")).click();
		WebElement search = waitFor().until(ExpectedConditions.presenceOfElementLocated(By.id("q")));
		search.sendKeys("ana.weber@example.com");
		waitFor().until((driver) -> driver.getCurrentUrl().contains("q=")
				&& driver.findElements(By.cssSelector("#leads tbody tr")).size() == 1);
		browser().findElement(By.cssSelector("tr[data-leadgen-id='" + LEAD + "'] a.lead-link")).click();
		waitFor().until(ExpectedConditions.presenceOfElementLocated(By.id("timeline")));
		assertThat(browser().findElement(By.cssSelector("#answers dd[data-field='email']")).getText())
			.isEqualTo("ana.weber@example.com");
		assertThat(browser().findElement(By.id("timeline")).getText()).contains("Delivery to Sales CRM queued")
			.contains("Gave up on Sales CRM: it is a dead letter");
		screenshot("newcomer-cockpit-2-lead-story");
	}

	private void theDeadLetterIsFixedAndReachesTheCrm() throws Exception {
		browser().findElement(By.linkText("Open this delivery")).click();
		waitFor().until(ExpectedConditions.presenceOfElementLocated(By.id("delivery-facts")));
		assertThat(browser().findElement(By.cssSelector("#status .delivery-status")).getText())
			.isEqualTo("Dead letter");
		assertThat(browser().findElement(By.id("attempts")).getText()).contains("phone must be E.164");
		screenshot("newcomer-cockpit-3-dead-letter");

		click(By.id("edit-payload"));
		WebElement payload = waitFor().until(ExpectedConditions.presenceOfElementLocated(By.id("payload")));
		String fixed = payload.getAttribute("value").replace("0151 23456789", "+4915123456789");
		payload.clear();
		payload.sendKeys(fixed);
		browser().findElement(By.id("reason")).sendKeys("phone number in international form");
		click(By.id("save-and-resend"));
		// A refresh may land while the page is still navigating after the resend; try
		// again.
		new WebDriverWait(browser(), Duration.ofSeconds(20)).ignoring(WebDriverException.class).until((driver) -> {
			driver.navigate().refresh();
			return "Delivered".equals(driver.findElement(By.cssSelector("#status .delivery-status")).getText());
		});
		screenshot("newcomer-cockpit-4-delivered");
		ServeEvent accepted = crm.getAllServeEvents()
			.stream()
			.filter((event) -> event.getResponse().getStatus() == 201)
			.findFirst()
			.orElseThrow();
		JsonNode received = new ObjectMapper().readTree(accepted.getRequest().getBodyAsString())
			.get("data")
			.get("fields");
		assertThat(received.get("phone").asText()).isEqualTo("+4915123456789");
		assertThat(received.get("email").asText()).isEqualTo("ana.weber@example.com");
	}

	private void click(By element) {
		WebElement target = waitFor().until(ExpectedConditions.elementToBeClickable(element));
		((JavascriptExecutor) browser()).executeScript("arguments[0].scrollIntoView({block: 'center'});", target);
		target.click();
	}

	private static void admin(WebhookClient client, String method, String path, String body) {
		admin(client, method, path, "application/json", body);
	}

	private static void admin(WebhookClient client, String method, String path, String contentType, String body) {
		HttpResponse<String> response = client.call(method, path, contentType, body, "admin",
				LeadRelayIntegrationTest.ADMIN_PASSWORD);
		assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
	}

	private static void stubTheGraphApi() {
		graph.stubFor(get(urlPathEqualTo("/v26.0/debug_token"))
			.willReturn(okJson("{\"data\":{\"is_valid\":true,\"expires_at\":0,\"scopes\":[\"leads_retrieval\"]}}")));
		graph.stubFor(get(urlPathEqualTo("/v26.0/" + LEAD)).willReturn(okJson("""
				{"id":"%s","created_time":"2026-12-04T09:00:00+0000","form_id":"%s",
				 "ad_name":"Solar DE","campaign_name":"Winter 2026","platform":"fb","is_organic":false,
				 "field_data":[{"name":"full_name","values":["Ana Weber"]},
				   {"name":"email","values":["ana.weber@example.com"]},
				   {"name":"phone_number","values":["0151 23456789"]}]}""".formatted(LEAD, LeadgenPayloads.FORM_ID))));
	}

}
