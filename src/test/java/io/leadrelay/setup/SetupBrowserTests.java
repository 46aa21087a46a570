package io.leadrelay.setup;

import java.net.http.HttpResponse;

import io.leadrelay.setup.journey.DashboardBanner;
import io.leadrelay.setup.journey.SetupGuidePage;
import io.leadrelay.support.LeadRelayIntegrationTest;
import io.leadrelay.support.LeadgenPayloads;
import io.leadrelay.support.TestUsers;
import io.leadrelay.support.WebhookClient;
import io.leadrelay.support.browser.BrowserTest;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The setup guide ({@code /setup}) and the dashboard's banner that leads there, on an
 * empty install, a half-done one and a finished one.
 */
class SetupBrowserTests extends BrowserTest {

	@LocalServerPort
	int port;

	@Test
	void anEmptyInstallsDashboardLeadsToTheGuideWhereTheFirstStepIsNext() {
		signIn("admin", LeadRelayIntegrationTest.ADMIN_PASSWORD);
		open("/");
		DashboardBanner banner = new DashboardBanner(browser(), waitFor());
		assertThat(banner.text()).contains("Finish setting up LeadRelay (0 of 4 steps done)");
		screenshot("setup-1-dashboard-banner");
		banner.startSetup();

		SetupGuidePage guide = new SetupGuidePage(browser(), waitFor());
		assertThat(browser().getCurrentUrl()).endsWith("/setup");
		assertThat(guide.count()).isEqualTo("0 of 4 steps done.");
		for (String step : new String[] { SetupGuidePage.PAGE, SetupGuidePage.DESTINATION, SetupGuidePage.MAPPING,
				SetupGuidePage.TEST_LEAD }) {
			assertThat(guide.done(step)).as(step).isFalse();
		}
		assertThat(guide.next(SetupGuidePage.PAGE)).isTrue();
		assertThat(guide.state(SetupGuidePage.PAGE)).isEqualTo("Next");
		assertThat(guide.state(SetupGuidePage.DESTINATION)).isEqualTo("To do");
		assertThat(guide.action(SetupGuidePage.PAGE).getAttribute("href")).endsWith("/pages");
		assertThat(guide.action(SetupGuidePage.PAGE).getAttribute("class")).contains("btn-primary");
		assertThat(guide.action(SetupGuidePage.DESTINATION).getAttribute("href")).endsWith("/destinations/new");
		assertThat(guide.action(SetupGuidePage.MAPPING).getAttribute("href")).endsWith("/mappings/new");
		assertThat(guide.action(SetupGuidePage.TEST_LEAD)).as("no mapping to send a test lead through").isNull();
		assertThat(guide.complete()).isFalse();
		assertThat(guide.webhookUrl()).isEqualTo(baseUrl() + "/webhooks/meta");
		assertThat(guide.verifyToken().getText()).contains("No verify token is set yet")
			.contains("LEADRELAY_META_VERIFYTOKEN")
			.contains("leadrelay.meta.verify-token");
		assertThat(guide.copyWebhookUrl()).isIn("Copied", "Press Ctrl+C");
		screenshot("setup-2-empty-install");
		resize(390, 844);
		screenshot("setup-3-empty-install-phone");
		resize(1280, 800);
	}

	@Test
	void stepsAreMarkedDoneAsTheInstallIsSetUpAndTheBannerGoesWhenAllAre() {
		WebhookClient api = new WebhookClient(this.port);
		aConnectedPage();
		signIn("admin", LeadRelayIntegrationTest.ADMIN_PASSWORD);
		open("/setup");
		SetupGuidePage guide = new SetupGuidePage(browser(), waitFor());
		assertThat(guide.count()).isEqualTo("1 of 4 steps done.");
		assertThat(guide.done(SetupGuidePage.PAGE)).isTrue();
		assertThat(guide.state(SetupGuidePage.PAGE)).isEqualTo("Done");
		assertThat(guide.next(SetupGuidePage.DESTINATION)).isTrue();
		assertThat(guide.action(SetupGuidePage.DESTINATION).getText()).isEqualTo("Add a destination");
		open("/");
		assertThat(new DashboardBanner(browser(), waitFor()).text())
			.contains("Finish setting up LeadRelay (1 of 4 steps done)");

		aDestinationAndAMapping(api);
		open("/setup");
		guide = new SetupGuidePage(browser(), waitFor());
		assertThat(guide.count()).isEqualTo("3 of 4 steps done.");
		assertThat(guide.next(SetupGuidePage.TEST_LEAD)).isTrue();
		assertThat(guide.action(SetupGuidePage.MAPPING).getAttribute("href")).endsWith("/mappings");
		assertThat(guide.action(SetupGuidePage.TEST_LEAD).getAttribute("href"))
			.endsWith("/mappings/sales-crm-contacts/test-lead");
		screenshot("setup-4-three-steps-done");

		aDeliveredTestLead();
		open("/setup");
		guide = new SetupGuidePage(browser(), waitFor());
		assertThat(guide.count()).isEqualTo("4 of 4 steps done.");
		for (String step : new String[] { SetupGuidePage.PAGE, SetupGuidePage.DESTINATION, SetupGuidePage.MAPPING,
				SetupGuidePage.TEST_LEAD }) {
			assertThat(guide.done(step)).as(step).isTrue();
			assertThat(guide.state(step)).as(step).isEqualTo("Done");
		}
		assertThat(guide.action(SetupGuidePage.DESTINATION).getAttribute("href")).endsWith("/destinations");
		assertThat(guide.action(SetupGuidePage.TEST_LEAD).getText()).isEqualTo("Send another test lead");
		assertThat(guide.complete()).isTrue();
		screenshot("setup-5-all-done");
		open("/");
		assertThat(new DashboardBanner(browser(), waitFor()).text()).isEmpty();
	}

	@Test
	void aViewerSeesTheStepsButNeitherTheirButtonsNorTheVerifyToken() {
		TestUsers.replace(this.jdbc, "vera", "VIEWER");
		signIn("vera", TestUsers.PASSWORD);
		open("/");
		assertThat(new DashboardBanner(browser(), waitFor()).text()).isEmpty();
		open("/setup");
		SetupGuidePage guide = new SetupGuidePage(browser(), waitFor());
		assertThat(guide.action(SetupGuidePage.PAGE)).isNull();
		assertThat(browser().findElements(By.id("verify-token"))).isEmpty();
		assertThat(browser().findElement(By.id("meta-webhook")).getText()).contains("hidden for your role");
	}

	private void aConnectedPage() {
		this.jdbc.update("""
				INSERT INTO page (page_id, name, token_ciphertext, token_status, created_at, updated_at)
				VALUES (?, 'Acme Solar', 'not-a-real-ciphertext', 'unchecked', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)""",
				LeadgenPayloads.PAGE_ID);
	}

	private static void aDestinationAndAMapping(WebhookClient api) {
		created(api.call("POST", "/api/v1/destinations",
				"""
						{"id":"sales-crm","name":"Sales CRM","type":"webhook","settings":{"url":"https://crm.example.com/leads"},
						 "credentials":{"signingSecret":"whsec_c2lnbmluZy1zZWNyZXQtZm9yLXRlc3Rz"}}""",
				"admin", LeadRelayIntegrationTest.ADMIN_PASSWORD));
		created(api.call("POST", "/api/v1/mappings", "application/yaml", """
				id: sales-crm-contacts
				destination: sales-crm
				match:
				  forms: ["%s"]
				fields:
				  email: {answer: email}
				""".formatted(LeadgenPayloads.FORM_ID), "admin", LeadRelayIntegrationTest.ADMIN_PASSWORD));
	}

	private void aDeliveredTestLead() {
		this.jdbc.update("""
				INSERT INTO lead (leadgen_id, page_id, form_id, answers, enriched_at, test)
				VALUES ('920000000000501', ?, ?, '{}', CURRENT_TIMESTAMP, TRUE)""", LeadgenPayloads.PAGE_ID,
				LeadgenPayloads.FORM_ID);
		this.jdbc.update("""
				INSERT INTO delivery (leadgen_id, destination_id, mapping_id, mapping_version, payload, status,
				  attempts, created_at, updated_at)
				VALUES ('920000000000501', 'sales-crm', 'sales-crm-contacts', 1, '{}', 'delivered', 1,
				  CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)""");
	}

	private static void created(HttpResponse<String> response) {
		assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
	}

}
