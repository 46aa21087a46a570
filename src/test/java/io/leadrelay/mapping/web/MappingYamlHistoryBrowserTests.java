package io.leadrelay.mapping.web;

import java.net.http.HttpResponse;

import io.leadrelay.support.LeadRelayIntegrationTest;
import io.leadrelay.support.TestUsers;
import io.leadrelay.support.WebhookClient;
import io.leadrelay.support.browser.BrowserTest;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The mappings list, a mapping's YAML tab (checked as it is typed, saved as a new
 * version) and its history (a diff between versions, a rollback), as an admin and as a
 * viewer.
 */
class MappingYamlHistoryBrowserTests extends BrowserTest {

	static final String YAML = """
			# Spring campaign: every lead of the spring form.
			id: spring-leads
			name: Spring leads to the CRM
			destination: sales-crm
			enabled: true
			match:
			  forms: ["700000000000011"]
			fields:
			  email:
			    answer: email   # the form's email question
			    transforms: [trim, lower]
			""";

	@LocalServerPort
	int port;

	@Test
	void anEmptyListSaysWhatToDo() {
		signIn("admin", LeadRelayIntegrationTest.ADMIN_PASSWORD);
		open("/mappings");
		WebElement empty = waitFor().until(ExpectedConditions.presenceOfElementLocated(By.id("no-mappings")));
		assertThat(empty.getText()).contains("No mappings yet: map a form's answers to your CRM's fields");
		assertThat(browser().findElement(By.id("new-mapping")).getAttribute("href")).endsWith("/mappings/new");
		screenshot("mappings-list-empty");
	}

	@Test
	void theYamlIsCheckedAsTypedSavedAndRolledBack() {
		aDestinationAndAMapping();
		signIn("admin", LeadRelayIntegrationTest.ADMIN_PASSWORD);
		open("/mappings");
		WebElement row = waitFor()
			.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("tr[data-mapping-id='spring-leads']")));
		assertThat(row.getText()).contains("Spring leads to the CRM", "Sales CRM", "700000000000011", "On", "v1",
				"admin");
		screenshot("mappings-list");
		theYamlIsCheckedAsTypedAndSaved();
		theHistoryShowsTheDiffAndRollsBack();
	}

	private void theYamlIsCheckedAsTypedAndSaved() {
		open("/mappings/spring-leads/yaml");
		WebElement yaml = waitFor().until(ExpectedConditions.presenceOfElementLocated(By.id("yaml")));
		assertThat(yaml.getAttribute("value")).isEqualTo(YAML);
		yaml.clear();
		yaml.sendKeys(YAML.replace("    answer: email", "    answr: email"));
		WebElement problems = waitFor()
			.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#yaml-problems .yaml-problem")));
		assertThat(problems.getText()).contains("line 10, fields.email.answr: unknown key 'answr'");
		screenshot("mapping-yaml-problem");

		browser().findElement(By.id("save-yaml")).click();
		waitFor().until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#yaml-problems .yaml-problem")));
		assertThat(browser().findElement(By.id("yaml")).getAttribute("value")).contains("answr: email");
		assertThat(versions()).isEqualTo(1);

		String edited = YAML.replace("    transforms: [trim, lower]\n",
				"    transforms: [trim, lower]\n    required: true\n  firstname:\n    answer: first_name\n");
		WebElement again = browser().findElement(By.id("yaml"));
		again.clear();
		again.sendKeys(edited);
		waitFor().until(ExpectedConditions.textToBePresentInElementLocated(By.id("yaml-problems"), "Valid"));
		screenshot("mapping-yaml-valid");
		browser().findElement(By.id("save-yaml")).click();
		waitFor().until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".alert-success"),
				"Saved as version 2."));
		assertThat(browser().findElement(By.id("yaml")).getAttribute("value")).isEqualTo(edited);
		assertThat(versions()).isEqualTo(2);
	}

	private void theHistoryShowsTheDiffAndRollsBack() {
		browser().findElement(By.id("tab-history")).click();
		waitFor().until(ExpectedConditions.presenceOfElementLocated(By.id("versions")));
		assertThat(browser().findElement(By.cssSelector("tr[data-version='2']")).getText()).contains("In use", "admin");
		assertThat(browser().findElements(By.cssSelector("tr[data-version='2'] button.rollback"))).isEmpty();
		assertThat(browser().findElement(By.id("diff")).getText()).contains("first_name");
		assertThat(browser().findElements(By.cssSelector("#diff .diff-added code"))).extracting(WebElement::getText)
			.containsExactly("    required: true", "  firstname:", "    answer: first_name");
		assertThat(browser().findElements(By.cssSelector("#diff .diff-added .diff-sign")))
			.extracting(WebElement::getText)
			.containsOnly("+");
		resize(1280, 1100);
		screenshot("mapping-history-diff");
		resize(1280, 800);

		new Select(browser().findElement(By.id("from"))).selectByValue("2");
		waitFor().until(ExpectedConditions.textToBePresentInElementLocated(By.id("diff-summary"), "are the same text"));
		open("/mappings/spring-leads/history/diff?from=2&to=1");
		assertThat(browser().findElements(By.cssSelector("#diff .diff-removed"))).hasSize(3);

		browser().findElement(By.cssSelector("tr[data-version='1'] button.rollback")).click();
		waitFor().until(ExpectedConditions.alertIsPresent()).accept();
		waitFor().until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".alert-success"),
				"Version 1 is in use again as version 3."));
		assertThat(browser().findElement(By.cssSelector("tr[data-version='3']")).getText()).contains("In use");
		assertThat(this.jdbc.queryForObject("SELECT definition FROM mapping_version WHERE version = 3", String.class))
			.isEqualTo(YAML);
		screenshot("mapping-history-rolled-back");
		resize(390, 844);
		screenshot("mapping-history-phone");
		open("/mappings/spring-leads/yaml");
		waitFor().until(ExpectedConditions.presenceOfElementLocated(By.id("yaml")));
		screenshot("mapping-yaml-phone");
		resize(1280, 800);
	}

	@Test
	void aViewerReadsButCannotChangeAndAnUnknownMappingIsNotFound() {
		aDestinationAndAMapping();
		TestUsers.replace(this.jdbc, "vic", "VIEWER");
		signIn("vic", TestUsers.PASSWORD);
		open("/mappings");
		waitFor()
			.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("tr[data-mapping-id='spring-leads']")));
		assertThat(browser().findElements(By.id("new-mapping"))).isEmpty();
		open("/mappings/spring-leads/yaml");
		WebElement yaml = waitFor().until(ExpectedConditions.presenceOfElementLocated(By.id("yaml")));
		assertThat(yaml.getAttribute("readonly")).isNotNull();
		assertThat(yaml.getAttribute("value")).isEqualTo(YAML);
		assertThat(browser().findElements(By.id("save-yaml"))).isEmpty();
		screenshot("mapping-yaml-viewer");
		open("/mappings/spring-leads/history");
		waitFor().until(ExpectedConditions.presenceOfElementLocated(By.id("versions")));
		assertThat(browser().findElements(By.cssSelector("button.rollback"))).isEmpty();
		open("/mappings/no-such-mapping/yaml");
		assertThat(browser().findElement(By.tagName("h1")).getText()).isEqualTo("Page not found");
		open("/mappings/no-such-mapping/history");
		assertThat(browser().findElement(By.tagName("h1")).getText()).isEqualTo("Page not found");
	}

	private int versions() {
		return this.jdbc.queryForObject("SELECT COUNT(*) FROM mapping_version WHERE mapping_id = 'spring-leads'",
				Integer.class);
	}

	private void aDestinationAndAMapping() {
		WebhookClient api = new WebhookClient(this.port);
		created(api.call("POST", "/api/v1/destinations", """
				{"id":"sales-crm","name":"Sales CRM","type":"webhook","settings":{"url":"http://localhost:9/leads"},
				 "credentials":{"signingSecret":"whsec_c2lnbmluZy1zZWNyZXQtZm9yLXRlc3Rz"}}""", "admin",
				LeadRelayIntegrationTest.ADMIN_PASSWORD));
		created(api.call("POST", "/api/v1/mappings", "application/yaml", YAML, "admin",
				LeadRelayIntegrationTest.ADMIN_PASSWORD));
	}

	private static void created(HttpResponse<String> response) {
		assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
	}

}
