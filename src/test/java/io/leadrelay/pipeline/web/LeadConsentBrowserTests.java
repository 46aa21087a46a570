package io.leadrelay.pipeline.web;

import io.leadrelay.audit.AuditLog;
import io.leadrelay.support.TestUsers;
import io.leadrelay.support.browser.BrowserTest;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A lead's page in Chromium shows the form's consent checkboxes as the person left them.
 */
class LeadConsentBrowserTests extends BrowserTest {

	@Autowired
	AuditLog audit;

	@Test
	void aMarketerSeesWhichConsentsTheLeadGave() {
		LeadStories.deliveredOnTheSecondTry(this.jdbc, this.audit);
		this.jdbc.update("UPDATE lead SET consents = ? WHERE leadgen_id = ?",
				"{\"marketing_optin\":true,\"partner_offers\":false}", LeadStories.LEADGEN_ID);
		TestUsers.replace(this.jdbc, "mia", "MARKETER");
		signIn("mia", TestUsers.PASSWORD);

		open("/leads/" + LeadStories.LEADGEN_ID);
		new LeadsPages.LeadPage(browser(), waitFor());

		assertThat(browser().findElement(By.id("consent-title")).getText()).isEqualTo("Consent");
		assertThat(browser().findElement(By.cssSelector("[data-consent='marketing_optin']")).getText())
			.isEqualTo("agreed");
		assertThat(browser().findElement(By.cssSelector("[data-consent='partner_offers']")).getText())
			.isEqualTo("not agreed");
		screenshot("lead-detail-consent");
		resize(390, 844);
		browser().navigate().refresh();
		new LeadsPages.LeadPage(browser(), waitFor());
		screenshot("lead-detail-consent-phone");
		resize(1280, 800);
	}

}
