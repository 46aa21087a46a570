package io.leadrelay.pipeline.web;

import java.net.http.HttpResponse;
import java.util.Map;

import io.leadrelay.pipeline.web.ReprocessPages.ConfirmPage;
import io.leadrelay.pipeline.web.ReprocessPages.DonePage;
import io.leadrelay.support.LeadRelayIntegrationTest;
import io.leadrelay.support.TestUsers;
import io.leadrelay.support.WebhookClient;
import io.leadrelay.support.browser.BrowserTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.support.ui.ExpectedConditions;

import org.springframework.boot.test.web.server.LocalServerPort;

import static io.leadrelay.pipeline.web.ReprocessFixtures.FORM;
import static io.leadrelay.pipeline.web.ReprocessFixtures.OTHER_FORM;
import static io.leadrelay.pipeline.web.ReprocessFixtures.lead;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A marketer fixes a mapping that left a form's leads unmapped, then reprocesses those
 * leads from the confirm page: the count first, the result after, and each lead on its
 * way to the CRM.
 */
class ReprocessBrowserTests extends BrowserTest {

	static final String MAPPING = """
			id: contacts
			destination: crm-a
			match:
			  forms: [%s]
			fields:
			  email: {answer: email, required: true}
			""";

	@LocalServerPort
	int port;

	WebhookClient client;

	@BeforeEach
	void destinationMappingAndLeads() {
		this.client = new WebhookClient(this.port);
		admin("POST", "/api/v1/destinations", "application/json",
				"{\"id\":\"crm-a\",\"name\":\"HubSpot\",\"type\":\"hubspot\",\"credentials\":{\"accessToken\":\"pat-eu1-x\"}}");
		admin("POST", "/api/v1/mappings", "application/yaml", MAPPING.formatted("\"" + FORM + "\""));
		lead(this.jdbc, "930000000000001", OTHER_FORM, "filtered", "ana@example.com");
		lead(this.jdbc, "930000000000002", OTHER_FORM, "filtered", "ben@example.com");
		// Its answers are gone (kept past retention, say): it cannot be mapped again.
		lead(this.jdbc, "930000000000003", OTHER_FORM, "filtered", null);
		lead(this.jdbc, "930000000000004", FORM, "mapped", "cleo@example.com");
		TestUsers.replace(this.jdbc, "mia", "MARKETER");
	}

	@Test
	void reprocessesAFormsFilteredLeadsAfterTheMappingIsFixed() {
		admin("PUT", "/api/v1/mappings/contacts", "application/yaml",
				MAPPING.formatted("\"" + FORM + "\", \"" + OTHER_FORM + "\""));
		signIn("mia", TestUsers.PASSWORD);

		open("/leads/reprocess?status=filtered&formId=" + OTHER_FORM);
		ConfirmPage confirm = new ConfirmPage(browser(), waitFor());
		assertThat(confirm.count()).isEqualTo(3);
		assertThat(confirm.heading())
			.isEqualTo("3 leads match: status Not mapped, form Spring offer (" + OTHER_FORM + "). Reprocess them?");
		assertThat(confirm.confirmLabel()).isEqualTo("Reprocess 3 leads");
		assertThat(this.jdbc.queryForObject("SELECT COUNT(*) FROM delivery", Long.class))
			.as("nothing happens before the marketer confirms")
			.isZero();
		screenshot("reprocess-confirm");

		DonePage done = confirm.confirm();
		assertThat(done.summary()).isEqualTo("2 reprocessed, 2 now mapped, 1 could not be.");
		assertThat(done.failures()).singleElement()
			.asString()
			.startsWith("930000000000003: ")
			.contains("no longer stored");
		screenshot("reprocess-done");

		assertThat(this.jdbc.queryForList(
				"SELECT leadgen_id || ' ' || destination_id || ' ' || status FROM delivery ORDER BY leadgen_id",
				String.class))
			.containsExactly("930000000000001 crm-a pending", "930000000000002 crm-a pending");
		assertThat(this.jdbc.queryForList("SELECT status FROM lead_event WHERE leadgen_id IN (?, ?)", String.class,
				"930000000000001", "930000000000002"))
			.containsOnly("mapped");
		Map<String, Object> audit = this.jdbc.queryForMap(
				"""
						SELECT actor, details FROM audit_event WHERE action = 'lead.reprocessed' AND subject_id = '930000000000001'""");
		assertThat(audit.get("ACTOR")).isEqualTo("mia");
		assertThat((String) audit.get("DETAILS")).contains("\"to\":\"mapped\"").doesNotContain("ana@example.com");

		open("/leads/reprocess?status=filtered&formId=" + OTHER_FORM);
		assertThat(new ConfirmPage(browser(), waitFor()).count()).as("only the lead without answers is left")
			.isEqualTo(1);
	}

	@Test
	void reprocessesOneLeadFromItsPageAndGoesBackToIt() {
		admin("PUT", "/api/v1/mappings/contacts", "application/yaml",
				MAPPING.formatted("\"" + FORM + "\", \"" + OTHER_FORM + "\""));
		signIn("mia", TestUsers.PASSWORD);
		open("/leads/reprocess?leadgenId=930000000000001");
		assertThat(new ConfirmPage(browser(), waitFor()).count()).isEqualTo(1);
		// The lead's page, which holds the button, is another feature's: post as its
		// button does.
		((JavascriptExecutor) browser()).executeScript("""
				const form = document.createElement('form');
				form.method = 'post';
				form.action = '/leads/' + arguments[0] + '/reprocess';
				const token = document.createElement('input');
				token.type = 'hidden';
				token.name = '_csrf';
				token.value = document.querySelector('meta[name=_csrf]').content;
				form.appendChild(token);
				document.body.appendChild(form);
				form.submit();""", "930000000000001");
		waitFor().until(ExpectedConditions.urlToBe(baseUrl() + "/leads/930000000000001"));
		assertThat(this.jdbc.queryForList("SELECT destination_id || ' ' || status FROM delivery WHERE leadgen_id = ?",
				String.class, "930000000000001"))
			.containsExactly("crm-a pending");
		assertThat(this.jdbc.queryForList(
				"SELECT actor FROM audit_event WHERE action = 'lead.reprocessed' AND subject_id = '930000000000001'",
				String.class))
			.containsExactly("mia");
	}

	@Test
	void showsAViewerTheCountButNoButton() {
		TestUsers.replace(this.jdbc, "vera", "VIEWER");
		signIn("vera", TestUsers.PASSWORD);
		open("/leads/reprocess?status=filtered");
		ConfirmPage confirm = new ConfirmPage(browser(), waitFor());
		assertThat(confirm.count()).isEqualTo(3);
		assertThat(confirm.mayConfirm()).isFalse();
		assertThat(confirm.notAllowed()).isEqualTo("Only admins and marketers can reprocess leads.");
	}

	@Test
	void saysBesideTheFieldWhatIsWrongWithAFilter() {
		signIn("mia", TestUsers.PASSWORD);
		open("/leads/reprocess?status=received&formId=abc");
		ConfirmPage confirm = new ConfirmPage(browser(), waitFor());
		assertThat(confirm.fieldError("formId")).isEqualTo("Form id must be a numeric id of 1 to 32 digits");
		resize(390, 844);
		screenshot("reprocess-filter-error-phone");
		resize(1280, 800);

		open("/leads/reprocess?status=received");
		assertThat(new ConfirmPage(browser(), waitFor()).fieldError("status"))
			.isEqualTo("Only Not mapped, Mapped or Failed leads can be reprocessed");
	}

	private void admin(String method, String path, String contentType, String body) {
		HttpResponse<String> response = this.client.call(method, path, contentType, body, "admin",
				LeadRelayIntegrationTest.ADMIN_PASSWORD);
		assertThat(response.statusCode()).as(response.body()).isBetween(200, 201);
	}

}
