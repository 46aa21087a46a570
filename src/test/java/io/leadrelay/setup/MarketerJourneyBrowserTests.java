package io.leadrelay.setup;

import java.time.Duration;
import java.util.Map;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.leadrelay.setup.journey.DashboardBanner;
import io.leadrelay.setup.journey.DestinationForm;
import io.leadrelay.setup.journey.DestinationPage;
import io.leadrelay.setup.journey.FormsPage;
import io.leadrelay.setup.journey.JourneyStubs;
import io.leadrelay.setup.journey.LeadPage;
import io.leadrelay.setup.journey.MappingEditor;
import io.leadrelay.setup.journey.PagesPage;
import io.leadrelay.setup.journey.SetupGuidePage;
import io.leadrelay.setup.journey.TestLeadPage;
import io.leadrelay.support.LeadRelayIntegrationTest;
import io.leadrelay.support.LeadgenPayloads;
import io.leadrelay.support.WebhookClient;
import io.leadrelay.support.browser.BrowserTest;
import io.leadrelay.support.GraphBatchStandIn;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The journey, walked in the browser on an empty install, with WireMock as Meta
 * (Facebook's login dialog and the Graph API) and as HubSpot: the admin follows the
 * dashboard to the setup guide, connects a Facebook page by logging in, adds HubSpot,
 * maps the page's form to HubSpot's fields with pickers only, sends a test lead that
 * reaches HubSpot, reads its timeline, and then a real signed webhook reaches HubSpot
 * through the saved mapping. Screenshots: {@code target/screenshots/journey-NN-*.png}.
 */
@TestPropertySource(properties = { "leadrelay.pipeline.enabled=true", "leadrelay.delivery.enabled=true",
		"leadrelay.pipeline.poll-interval=200ms", "leadrelay.delivery.poll-interval=200ms",
		"leadrelay.graph.app-id=" + JourneyStubs.APP_ID,
		"leadrelay.meta.verify-token=" + MarketerJourneyBrowserTests.VERIFY_TOKEN })
class MarketerJourneyBrowserTests extends BrowserTest {

	static final String VERIFY_TOKEN = "journey-verify-token-2026";

	static final String HUBSPOT_TOKEN = "pat-na1-11111111-2222-3333-4444-555555555555";

	static final String MAPPING = "solar-quotes";

	static final String REAL_LEAD = "920000000015001";

	@RegisterExtension
	static WireMockExtension meta = WireMockExtension.newInstance()
		.options(wireMockConfig().dynamicPort().globalTemplating(true).extensions(new GraphBatchStandIn()))
		.build();

	@RegisterExtension
	static WireMockExtension hubspot = WireMockExtension.newInstance()
		.options(wireMockConfig().dynamicPort().globalTemplating(true))
		.build();

	@DynamicPropertySource
	static void meta(DynamicPropertyRegistry registry) {
		registry.add("leadrelay.graph.base-url", meta::baseUrl);
		registry.add("leadrelay.facebook-login.dialog-base-url", meta::baseUrl);
	}

	@LocalServerPort
	int port;

	@Test
	void aMarketerSetsUpAnEmptyInstallInTheBrowserAndItsLeadsReachHubSpot() {
		JourneyStubs.meta(meta);
		JourneyStubs.hubSpot(hubspot);
		signIn("admin", LeadRelayIntegrationTest.ADMIN_PASSWORD);

		SetupGuidePage guide = theDashboardLeadsToTheSetupGuide();
		connectTheFacebookPage(guide);
		addHubSpot();
		mapTheFormToHubSpotWithPickersOnly();
		sendATestLeadThatReachesHubSpot();
		aRealLeadReachesHubSpotThroughTheSavedMapping();
	}

	private SetupGuidePage theDashboardLeadsToTheSetupGuide() {
		open("/");
		DashboardBanner banner = new DashboardBanner(browser(), waitFor());
		assertThat(banner.text()).contains("Finish setting up LeadRelay (0 of 4 steps done)");
		screenshot("journey-01-dashboard");
		banner.startSetup();
		SetupGuidePage guide = new SetupGuidePage(browser(), waitFor());
		assertThat(guide.next(SetupGuidePage.PAGE)).isTrue();
		assertThat(guide.webhookUrl()).isEqualTo(baseUrl() + "/webhooks/meta");
		assertThat(guide.verifyToken().getAttribute("type")).as("masked until shown").isEqualTo("password");
		guide.showVerifyToken();
		assertThat(guide.verifyToken().getAttribute("type")).isEqualTo("text");
		assertThat(guide.verifyToken().getAttribute("value")).isEqualTo(VERIFY_TOKEN);
		screenshot("journey-02-setup-guide");
		return guide;
	}

	private void connectTheFacebookPage(SetupGuidePage guide) {
		guide.start(SetupGuidePage.PAGE);
		PagesPage pages = new PagesPage(browser(), waitFor());
		screenshot("journey-03-pages-empty");
		pages = pages.connectWithFacebook().choose(LeadgenPayloads.PAGE_ID).connect();
		assertThat(pages.tokenStatus(LeadgenPayloads.PAGE_ID)).isEqualTo("Working");
		assertThat(meta.getAllServeEvents()).as("the app subscribed to the page's leads with the page's token")
			.anySatisfy((event) -> {
				assertThat(event.getRequest().getMethod().getName()).isEqualTo("POST");
				assertThat(event.getRequest().getUrl())
					.contains("/v26.0/" + LeadgenPayloads.PAGE_ID + "/subscribed_apps");
				assertThat(event.getRequest().getUrl() + " " + event.getRequest().getBodyAsString())
					.contains(JourneyStubs.PAGE_TOKEN)
					.contains("leadgen");
			});
		screenshot("journey-04-page-connected");

		open("/forms?page=" + LeadgenPayloads.PAGE_ID);
		assertThat(new FormsPage(browser(), waitFor()).form(LeadgenPayloads.FORM_ID)).contains("Solar quote");
		screenshot("journey-05-forms");
	}

	private void addHubSpot() {
		open("/setup");
		SetupGuidePage guide = new SetupGuidePage(browser(), waitFor());
		assertThat(guide.done(SetupGuidePage.PAGE)).isTrue();
		assertThat(guide.next(SetupGuidePage.DESTINATION)).isTrue();
		guide.start(SetupGuidePage.DESTINATION);
		DestinationForm form = new DestinationForm(browser(), waitFor()).chooseType("hubspot")
			.name("HubSpot")
			.id("hubspot-main")
			.setting("baseUrl", hubspot.baseUrl())
			.credential("accessToken", HUBSPOT_TOKEN);
		screenshot("journey-06-destination-form");
		DestinationPage destination = form.save("hubspot-main");
		assertThat(destination.crmField("email")).containsIgnoringCase("required");
		assertThat(destination.crmField("firstname")).contains("First name");
		assertThat(destination.crmField("lastname")).contains("Last name");
		screenshot("journey-07-destination-fields");
	}

	private void mapTheFormToHubSpotWithPickersOnly() {
		open("/setup");
		SetupGuidePage guide = new SetupGuidePage(browser(), waitFor());
		assertThat(guide.count()).isEqualTo("2 of 4 steps done.");
		guide.start(SetupGuidePage.MAPPING);
		MappingEditor editor = new MappingEditor(browser(), waitFor());
		assertThat(editor.destination()).isEqualTo("hubspot-main");
		editor.name("Solar quotes to HubSpot")
			.id(MAPPING)
			.page(LeadgenPayloads.PAGE_ID)
			.form(LeadgenPayloads.FORM_ID)
			.field(0, "email", "email")
			.transform(0, "trim", null)
			.transform(0, "lower", null)
			.field(1, "firstname", "full_name")
			.transform(1, "split_name", "first")
			.field(2, "lastname", "full_name")
			.transform(2, "split_name", "last");
		// The editor's sample lead answers an EMAIL question with ana.lopez@example.com
		// and
		// a FULL_NAME question with Ana Lopez (mapping/web/SampleLead).
		editor.waitForPreview(Map.of("email", "ana.lopez@example.com", "firstname", "Ana", "lastname", "Lopez"));
		screenshot("journey-08-mapping-editor");
		editor.save(MAPPING);
		screenshot("journey-09-mapping-saved");
	}

	private void sendATestLeadThatReachesHubSpot() {
		open("/setup");
		SetupGuidePage guide = new SetupGuidePage(browser(), waitFor());
		assertThat(guide.count()).isEqualTo("3 of 4 steps done.");
		guide.start(SetupGuidePage.TEST_LEAD);
		TestLeadPage testLead = new TestLeadPage(browser(), waitFor(), MAPPING);
		assertThat(testLead.answer("email")).as("prefilled with a sample").isNotBlank();
		testLead.answer("email", " Tess.Tester@Example.COM ").answer("full_name", "Tess Tester").send();
		assertThat(testLead.outcome()).as(testLead.result()).isEqualTo("delivered");
		screenshot("journey-10-test-lead-delivered");
		hubspot.verify(1, postRequestedFor(urlPathEqualTo("/crm/v3/objects/contacts/batch/upsert"))
			.withHeader("Authorization", equalTo("Bearer " + HUBSPOT_TOKEN))
			.withRequestBody(matchingJsonPath("$.inputs[0].idProperty", equalTo("email")))
			.withRequestBody(matchingJsonPath("$.inputs[0].properties.email", equalTo("tess.tester@example.com")))
			.withRequestBody(matchingJsonPath("$.inputs[0].properties.firstname", equalTo("Tess")))
			.withRequestBody(matchingJsonPath("$.inputs[0].properties.lastname", equalTo("Tester"))));

		LeadPage lead = testLead.openTimeline();
		assertThat(lead.test()).as("the Test badge").isTrue();
		assertThat(lead.timeline()).contains("Delivered to HubSpot");
		screenshot("journey-11-test-lead-timeline");
	}

	private void aRealLeadReachesHubSpotThroughTheSavedMapping() {
		JourneyStubs.lead(meta, REAL_LEAD, " Ben.Schmidt@Example.com ", "Ben Schmidt");
		assertThat(new WebhookClient(this.port)
			.postSigned(LeadRelayIntegrationTest.APP_SECRET, LeadgenPayloads.notification(REAL_LEAD))
			.statusCode()).isEqualTo(200);
		await().atMost(Duration.ofSeconds(30))
			.untilAsserted(() -> hubspot.verify(1,
					postRequestedFor(urlPathEqualTo("/crm/v3/objects/contacts/batch/upsert"))
						.withRequestBody(equalToJson(
								"""
										{"inputs":[{"idProperty":"email","id":"ben.schmidt@example.com",
										  "objectWriteTraceId":"leadrelay-%s-hubspot-main",
										  "properties":{"email":"ben.schmidt@example.com","firstname":"Ben","lastname":"Schmidt"}}]}"""
									.formatted(REAL_LEAD)))));
		open("/setup");
		SetupGuidePage guide = new SetupGuidePage(browser(), waitFor());
		assertThat(guide.count()).isEqualTo("4 of 4 steps done.");
		assertThat(guide.complete()).isTrue();
		screenshot("journey-12-setup-complete");
		open("/leads/" + REAL_LEAD);
		LeadPage lead = new LeadPage(browser(), waitFor());
		assertThat(lead.test()).isFalse();
		assertThat(lead.timeline()).contains("Delivered to HubSpot");
		screenshot("journey-13-real-lead-timeline");
	}

}
