package io.leadrelay.retention;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

import io.leadrelay.support.LeadRelayIntegrationTest;
import io.leadrelay.support.browser.BrowserTest;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.support.ui.ExpectedConditions;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/** The retention card of the settings page: the windows, and the last clean-up. */
class RetentionSettingsBrowserTests extends BrowserTest {

	@Autowired
	RetentionPurge purge;

	@Test
	void anAdminReadsHowLongDataIsKeptAndWhatTheLastCleanUpDid() {
		signIn("admin", LeadRelayIntegrationTest.ADMIN_PASSWORD);
		open("/settings");
		waitFor().until(ExpectedConditions.presenceOfElementLocated(By.id("retention")));
		assertThat(text("last-purge")).startsWith("No clean-up has run yet").contains("every 1 hour");

		Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
		RetentionRows rows = new RetentionRows(this.jdbc, now);
		rows.lead("old-lead", 200);
		rows.delivery("old-lead", "crm", "delivered", 120);
		this.purge.runAt(now);
		open("/settings");
		waitFor().until(ExpectedConditions.presenceOfElementLocated(By.id("retention")));

		String windows = text("retention-windows");
		assertThat(windows).contains("Lead answers, once delivered 90 days from the last delivery")
			.contains("Lead answers, never delivered 180 days")
			.contains("Audit log 730 days from the entry; at most 24 months");
		assertThat(text("last-purge")).startsWith("Ran ")
			.contains("every 1 hour")
			.contains("Leads whose answers were removed\n1")
			.contains("Delivery attempts deleted\n1")
			.contains("Dead letters deleted\n0");
		((JavascriptExecutor) browser())
			.executeScript("document.getElementById('retention').scrollIntoView({behavior: 'instant'});");
		screenshot("settings-4-retention");
		resize(390, 844);
		((JavascriptExecutor) browser())
			.executeScript("document.getElementById('retention').scrollIntoView({behavior: 'instant'});");
		screenshot("settings-5-retention-phone");
		resize(1280, 800);
	}

	private String text(String id) {
		return browser().findElement(By.id(id)).getText();
	}

}
