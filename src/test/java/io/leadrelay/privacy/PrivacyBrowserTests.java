package io.leadrelay.privacy;

import io.leadrelay.support.LeadRelayIntegrationTest;
import io.leadrelay.support.WebhookClient;
import io.leadrelay.support.browser.BrowserTest;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;

import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An admin answers a person's erasure request in the browser: finds her lead by her
 * email, sees the export link, confirms the erasure, reads what was removed and what to
 * delete in the CRM by hand, and finds the lead's page saying its data was removed.
 */
class PrivacyBrowserTests extends BrowserTest {

	static final String LEAD = "920000000008001";

	@LocalServerPort
	int port;

	@Test
	void anAdminFindsAPersonAndErasesThemAfterAConfirmation() {
		aDeliveredLeadOfAna();
		signIn("admin", LeadRelayIntegrationTest.ADMIN_PASSWORD);
		open("/privacy");
		waitFor().until(ExpectedConditions.visibilityOfElementLocated(By.id("privacy-search")));
		PrivacyPage privacy = new PrivacyPage(browser(), waitFor());
		screenshot("privacy-search");

		privacy.search("phone", "call me");
		assertThat(privacy.error("phone")).startsWith("must be a phone number with its country code");
		screenshot("privacy-search-error");
		// A download link with a bad or no key (typed, or an old bookmark) gets the same
		// errors, on the search page.
		open("/privacy/export?phone=abc");
		assertThat(privacy.error("phone")).startsWith("must be a phone number with its country code");
		open("/privacy/export");
		assertThat(privacy.error("email")).isNotBlank();
		screenshot("privacy-export-error");

		open("/privacy");
		waitFor().until(ExpectedConditions.visibilityOfElementLocated(By.id("privacy-search")));
		privacy.search("email", " ANA@example.com");
		assertThat(privacy.foundLeads()).containsExactly(LEAD);
		assertThat(privacy.exportHref()).endsWith("/privacy/export?email=ANA%40example.com");
		assertThat(browser().getPageSource()).doesNotContain("Müller").doesNotContain("+4917612345678");
		screenshot("privacy-found");
		resize(390, 844);
		screenshot("privacy-found-phone");
		resize(1280, 800);

		privacy.openConfirmation();
		assertThat(privacy.text("confirm-count")).isEqualTo("1 lead");
		screenshot("privacy-confirm");
		this.jdbc.update("UPDATE delivery SET status = 'in_flight', claimed_until = ? WHERE leadgen_id = ?",
				java.time.OffsetDateTime.now().plusMinutes(5), LEAD);
		privacy.eraseRefused();
		assertThat(privacy.text("erase-error")).contains("being sent", "try again in a minute");
		assertThat(privacy.text("confirm-count")).isEqualTo("1 lead");
		screenshot("privacy-erase-refused");
		this.jdbc.update("UPDATE delivery SET status = 'delivered', claimed_until = NULL WHERE leadgen_id = ?", LEAD);
		privacy.erase(false);
		assertThat(privacy.text("erase-summary")).startsWith("Removed the personal data of 1 lead");
		assertThat(privacy.text("crm-table")).contains("HubSpot sales", "512", "Delete by hand");
		screenshot("privacy-erased");

		assertThat(this.jdbc.queryForObject("SELECT answers FROM lead WHERE leadgen_id = ?", String.class, LEAD))
			.isEqualTo("{}");
		open("/leads/" + LEAD);
		waitFor().until(ExpectedConditions.presenceOfElementLocated(By.id("personal-data-removed")));
		assertThat(privacy.text("personal-data-removed")).contains("Personal data removed", "(erasure)");
		screenshot("privacy-lead-page-erased");

		open("/privacy");
		privacy.search("email", "ana@example.com");
		assertThat(privacy.text("no-leads")).contains("They were erased before");
	}

	private void aDeliveredLeadOfAna() {
		WebhookClient api = new WebhookClient(this.port);
		assertThat(api
			.call("POST", "/api/v1/destinations",
					"""
							{"id":"hubspot-main","name":"HubSpot sales","type":"hubspot","settings":{"baseUrl":"http://localhost:9"},
							 "credentials":{"accessToken":"pat-na1-11111111-2222-3333-4444-555555555555"}}""",
					"admin", LeadRelayIntegrationTest.ADMIN_PASSWORD)
			.statusCode()).isEqualTo(201);
		this.jdbc.update("""
				INSERT INTO lead_event (leadgen_id, page_id, form_id, received_at, source, status, raw_value)
				VALUES (?, '100200300400500', '700000000000011', CURRENT_TIMESTAMP, 'webhook', 'mapped', '{}')""",
				LEAD);
		this.jdbc.update("""
				INSERT INTO lead (leadgen_id, page_id, form_id, form_name, answers, enriched_at)
				VALUES (?, '100200300400500', '700000000000011', 'Solar quote', ?, CURRENT_TIMESTAMP)""", LEAD, """
				{"full_name":["Ana Müller"],"email":["ana@example.com"],"phone_number":["+4917612345678"]}""");
		for (String[] term : new String[][] { { "email", "ana@example.com" }, { "phone", "4917612345678" },
				{ "name", "ana" }, { "name", "müller" } }) {
			this.jdbc.update("INSERT INTO lead_contact (leadgen_id, kind, term) VALUES (?, ?, ?)", LEAD, term[0],
					term[1]);
		}
		this.jdbc.update(
				"""
						INSERT INTO delivery (leadgen_id, destination_id, mapping_id, mapping_version, payload, status, attempts,
						    crm_record_id, created_at, updated_at)
						VALUES (?, 'hubspot-main', 'hubspot-contacts', 1, '{"email":"ana@example.com"}', 'delivered', 1, '512',
						    CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)""",
				LEAD);
	}

}
