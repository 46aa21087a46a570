package io.leadrelay.web;

import io.leadrelay.support.LeadRelayIntegrationTest;
import io.leadrelay.support.browser.BrowserTest;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;

import static org.assertj.core.api.Assertions.assertThat;

/** The API documentation UI, as a signed-in user sees it in a browser. */
class ApiDocumentationBrowserTests extends BrowserTest {

	@Test
	void showsTheApiDocumentationAfterSignIn() {
		open("/api-docs/ui");
		waitFor().until(ExpectedConditions.urlContains("/login"));
		signIn("admin", LeadRelayIntegrationTest.ADMIN_PASSWORD);
		open("/api-docs/ui");
		waitFor().until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".swagger-ui .info .title"),
				"LeadRelay API"));
		waitFor().until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".opblock-summary-path")));
		assertThat(browser().findElements(By.cssSelector(".opblock-summary-path")))
			.extracting((path) -> path.getAttribute("data-path"))
			.contains("/api/v1/leads", "/api/v1/deliveries/{id}");
		screenshot("api-docs");
	}

}
