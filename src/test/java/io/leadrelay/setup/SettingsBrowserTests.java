package io.leadrelay.setup;

import io.leadrelay.support.LeadRelayIntegrationTest;
import io.leadrelay.support.SharedGraphApi;
import io.leadrelay.support.TestUsers;
import io.leadrelay.support.browser.BrowserTest;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.support.ui.ExpectedConditions;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The settings page ({@code /settings}): what an admin reads there of the Meta
 * connection, and that a marketer is not let in.
 */
class SettingsBrowserTests extends BrowserTest {

	@Test
	void anAdminReadsHowThisEngineIsConnectedToMeta() {
		signIn("admin", LeadRelayIntegrationTest.ADMIN_PASSWORD);
		open("/settings");
		waitFor().until(ExpectedConditions.presenceOfElementLocated(By.id("meta-app")));

		assertThat(browser().findElement(By.cssSelector("a.nav-link.active")).getText()).isEqualTo("Settings");
		assertThat(value("webhook-url")).isEqualTo(baseUrl() + "/webhooks/meta");
		assertThat(text("verify-token")).contains("LEADRELAY_META_VERIFYTOKEN");
		assertThat(text("app-secrets")).isEqualTo("1 configured");
		assertThat(text("graph-api")).contains("v26.0").contains(SharedGraphApi.baseUrl());
		assertThat(text("facebook-login")).startsWith("Not configured").contains("leadrelay.graph.app-id");
		assertThat(value("redirect-uri")).isEqualTo(baseUrl() + "/pages/connect/callback");
		assertThat(text("alerts-settings")).contains("Set up alerts");
		assertThat(text("retention")).contains("Data retention").contains("Last clean-up");
		assertThat(browser().getPageSource()).doesNotContain(LeadRelayIntegrationTest.APP_SECRET);
		screenshot("settings-1-admin");
		((JavascriptExecutor) browser())
			.executeScript("document.getElementById('meta-app').scrollIntoView({behavior: 'instant'});");
		screenshot("settings-2-admin-meta-app");
		resize(390, 844);
		((JavascriptExecutor) browser()).executeScript("window.scrollTo({top: 0, behavior: 'instant'});");
		screenshot("settings-3-admin-phone");
		resize(1280, 800);
	}

	@Test
	void aMarketerIsNotAllowedIn() {
		TestUsers.replace(this.jdbc, "mara", "MARKETER");
		signIn("mara", TestUsers.PASSWORD);
		open("/settings");
		waitFor().until(ExpectedConditions.presenceOfElementLocated(By.tagName("h1")));
		assertThat(browser().findElement(By.tagName("h1")).getText()).isEqualTo("Not allowed");
		assertThat(browser().findElements(By.id("meta-app"))).isEmpty();
		assertThat(browser().findElements(By.linkText("Settings"))).as("no Settings link in the menu").isEmpty();
	}

	private String text(String id) {
		return browser().findElement(By.id(id)).getText();
	}

	private String value(String id) {
		return browser().findElement(By.id(id)).getAttribute("value");
	}

}
