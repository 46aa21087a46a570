package io.leadrelay.pipeline.web;

import io.leadrelay.audit.AuditLog;
import io.leadrelay.pipeline.LeadFixtures;
import io.leadrelay.support.LeadRelayIntegrationTest;
import io.leadrelay.support.TestUsers;
import io.leadrelay.support.browser.BrowserTest;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The leads pages in Chromium: a marketer finds a lead by its email and reads its story;
 * a viewer sees that the answers are hidden for their role.
 */
class LeadsBrowserTests extends BrowserTest {

	@Autowired
	AuditLog audit;

	@Test
	void aMarketerFindsALeadByEmailAndReadsItsTimeline() {
		TestUsers.replace(this.jdbc, "mia", "MARKETER");
		signIn("mia", TestUsers.PASSWORD);
		open("/leads");
		LeadsPages.ListPage list = new LeadsPages.ListPage(browser(), waitFor());
		assertThat(list.emptyState()).contains("No leads yet", "/webhooks/meta");
		screenshot("leads-empty");

		LeadStories.deliveredOnTheSecondTry(this.jdbc, this.audit);
		for (int i = 2; i <= 6; i++) {
			LeadFixtures.store(this.jdbc, "92000000000000" + i, (i % 2 == 0) ? "filtered" : "mapped",
					(i % 3 == 0) ? "ig" : "fb", LeadStories.RECEIVED.plusSeconds(i * 600L),
					LeadFixtures.person("Person " + (char) ('A' + i) + " Example", "person" + i + "@example.com",
							"+49 170 000000" + i));
		}
		open("/leads");
		list = new LeadsPages.ListPage(browser(), waitFor());
		assertThat(list.leadgenIds()).hasSize(6).startsWith("920000000000006");
		assertThat(list.status("920000000000006")).isEqualTo("Not mapped");
		assertThat(list.status(LeadStories.LEADGEN_ID)).isEqualTo("Mapped");
		screenshot("leads-list");

		list.search("Anna.Schmidt@example.com", 1);
		assertThat(list.leadgenIds()).containsExactly(LeadStories.LEADGEN_ID);
		assertThat(browser().getCurrentUrl()).contains("q=Anna.Schmidt%40example.com");
		screenshot("leads-search");

		LeadsPages.LeadPage lead = list.open(LeadStories.LEADGEN_ID);
		assertThat(lead.status()).isEqualTo("Mapped");
		assertThat(lead.answer("email")).isEqualTo("anna.schmidt@example.com");
		assertThat(lead.payload()).contains("\"firstname\" : \"Anna\"");
		assertThat(lead.timeline()).containsSubsequence("Received from Meta",
				"Meta sent it again; LeadRelay kept it once",
				"Delivery to hubspot-main queued by mapping spring-offer v2",
				"Delivered to hubspot-main on try 2 (the CRM answered HTTP 201)");
		assertThat(browser()
			.findElement(By.cssSelector("a[href='/deliveries/"
					+ lead.browser().findElement(By.cssSelector(".delivery")).getAttribute("data-delivery-id") + "']"))
			.getText()).isEqualTo("Open this delivery");
		screenshot("lead-detail");

		resize(390, 844);
		browser().navigate().refresh();
		new LeadsPages.LeadPage(browser(), waitFor());
		screenshot("lead-detail-phone");
		resize(1280, 800);
	}

	@Test
	void aViewerSeesThatTheAnswersAreHiddenForTheirRole() {
		LeadStories.deliveredOnTheSecondTry(this.jdbc, this.audit);
		TestUsers.replace(this.jdbc, "vera", "VIEWER");
		signIn("vera", TestUsers.PASSWORD);
		open("/leads/" + LeadStories.LEADGEN_ID);
		LeadsPages.LeadPage lead = new LeadsPages.LeadPage(browser(), waitFor());
		assertThat(lead.answer("email")).isEqualTo("hidden for your role");
		assertThat(lead.answer("full_name")).isEqualTo("hidden for your role");
		assertThat(lead.payload()).contains("hidden for your role").doesNotContain("Anna");
		assertThat(browser().getPageSource()).doesNotContain("anna.schmidt", "Schmidt");
		screenshot("lead-detail-viewer");
	}

	@Test
	void saysSoForALeadThatNeverArrived() {
		signIn("admin", LeadRelayIntegrationTest.ADMIN_PASSWORD);
		open("/leads/999999999999999");
		assertThat(browser().findElement(By.id("not-found")).getText()).contains("999999999999999",
				"has reached LeadRelay");
	}

}
