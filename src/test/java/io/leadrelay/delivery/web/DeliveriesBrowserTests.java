package io.leadrelay.delivery.web;

import java.net.http.HttpResponse;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.leadrelay.support.LeadRelayIntegrationTest;
import io.leadrelay.support.TestUsers;
import io.leadrelay.support.WebhookClient;
import io.leadrelay.support.browser.BrowserTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;

import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The deliveries pages in Chromium, with the delivery engine on and WireMock as the CRM
 * behind a signed-webhook destination: a marketer fixes a dead letter's data and it
 * reaches the CRM; discards one with a reason; replays every dead letter after the page
 * said how many; a viewer reads a delivery with its data hidden.
 */
@TestPropertySource(properties = { "leadrelay.delivery.enabled=true", "leadrelay.delivery.poll-interval=100ms" })
class DeliveriesBrowserTests extends BrowserTest {

	static final String BROKEN = "{\"email\":\"ana@example.com\",\"phone\":\"030 1234567 (office)\"}";

	static final String FIXED = "{\"email\": \"ana@example.com\", \"phone\": \"+49301234567\"}";

	@RegisterExtension
	static WireMockExtension crm = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

	@LocalServerPort
	int port;

	final ObjectMapper json = new ObjectMapper();

	@BeforeEach
	void destinationAndMarketer() {
		crm.resetAll();
		HttpResponse<String> created = new WebhookClient(this.port).call("POST", "/api/v1/destinations", """
				{"id":"crm-hook","name":"Sales CRM","type":"webhook","settings":{"url":"%s/leads"},
				 "credentials":{"signingSecret":"whsec_c2lnbmluZy1zZWNyZXQtZm9yLXRlc3Rz"}}""".formatted(crm.baseUrl()),
				"admin", LeadRelayIntegrationTest.ADMIN_PASSWORD);
		assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
		TestUsers.replace(this.jdbc, "mia", "MARKETER");
		TestUsers.replace(this.jdbc, "vic", "VIEWER");
	}

	@Test
	void aMarketerFixesADeadLettersDataAndTheCrmReceivesTheEdit() throws Exception {
		crm.stubFor(post("/leads")
			.willReturn(aResponse().withStatus(422).withBody("{\"error\":\"phone must be E.164, such as +4930...\"}")));
		crm.stubFor(post("/leads").withRequestBody(matchingJsonPath("$.data.fields.phone", equalTo("+49301234567")))
			.willReturn(aResponse().withStatus(201)));
		long delivered = delivery("920000000001001", "delivered", "{\"email\":\"ben@example.com\"}", null);
		attempt(delivered, "delivered", 201, "created");
		long dead = delivery("920000000001002", "dead", BROKEN,
				"The webhook answered 422: {\"error\":\"phone must be E.164, such as +4930...\"}");
		attempt(dead, "rejected", 422, "{\"error\":\"phone must be E.164, such as +4930...\"}");
		delivery("920000000001003", "dead", "{\"email\":\"cleo@example\"}", "The webhook answered 422: bad email");

		signIn("mia", TestUsers.PASSWORD);
		open("/deliveries");
		DeliveriesPages.ListPage list = new DeliveriesPages.ListPage(browser(), waitFor());
		assertThat(list.statuses()).containsExactly("Dead letter", "Dead letter", "Delivered");
		assertThat(list.deadLetterBadge()).isEqualTo("2 dead letters");
		screenshot("deliveries-list");
		list = list.deadLetters();
		assertThat(list.statuses()).containsExactly("Dead letter", "Dead letter");
		assertThat(list.lastErrors()).anySatisfy((error) -> assertThat(error).contains("phone must be E.164"));
		screenshot("deliveries-dead");
		resize(390, 844);
		screenshot("deliveries-dead-phone");
		resize(1280, 800);

		DeliveriesPages.DetailPage detail = list.open(dead);
		assertThat(detail.status()).isEqualTo("Dead letter");
		assertThat(detail.attemptOutcomes()).containsExactly("Refused by the CRM");
		screenshot("delivery-detail");

		DeliveriesPages.EditPage edit = detail.edit();
		assertThat(this.json.readTree(edit.payload())).isEqualTo(this.json.readTree(BROKEN));
		screenshot("delivery-edit");
		edit = edit.fill("{\"email\": \"ana@example.com\", \"phone\": +49301234567}", "phone from the sales call")
			.submitRefused();
		assertThat(edit.payloadError()).startsWith("This is not valid JSON: check the quotes, commas and braces");
		assertThat(edit.payloadDescribedBy()).contains("payload-error");
		screenshot("delivery-edit-error");

		detail = edit.fill(FIXED, "phone from the sales call").submit();
		assertThat(DeliveriesPages.flash(browser())).isEqualTo("Saved your edit and queued the delivery again.");
		detail = reloadUntil(detail, "Delivered");
		assertThat(crm.getAllServeEvents()).hasSize(1);
		JsonNode received = this.json.readTree(crm.getAllServeEvents().get(0).getRequest().getBodyAsString());
		assertThat(received.get("data").get("fields")).isEqualTo(this.json.readTree(FIXED));
		assertThat(crm.getAllServeEvents().get(0).getRequest().getHeader("webhook-id"))
			.isEqualTo("leadrelay-920000000001002-crm-hook-r2");
		assertThat(detail.editHeading()).isEqualTo("Original (as the mapping made it)");
		assertThat(this.json.readTree(detail.editBefore())).isEqualTo(this.json.readTree(BROKEN));
		assertThat(this.json.readTree(detail.editAfter())).isEqualTo(this.json.readTree(FIXED));
		assertThat(detail.editReason()).isEqualTo("phone from the sales call");
		assertThat(detail.attemptOutcomes()).containsExactly("Refused by the CRM", "Delivered");
		detail.showEdits();
		screenshot("delivery-edited-delivered");
	}

	@Test
	void aMarketerDiscardsADeadLetterOnlyWithAReason() {
		long dead = delivery("920000000001011", "dead", "{\"email\":\"test@agency.example\"}",
				"The webhook answered 422: duplicate");
		signIn("mia", TestUsers.PASSWORD);
		open("/deliveries/" + dead);
		DeliveriesPages.DetailPage detail = new DeliveriesPages.DetailPage(browser(), waitFor()).discard("   ");
		assertThat(detail.discardError()).isEqualTo("Say why you discard it: a reason is required");
		screenshot("delivery-discard-error");
		detail = detail.discard("a test lead from the agency");
		assertThat(DeliveriesPages.flash(browser())).isEqualTo("Discarded. It is kept here and will not be sent.");
		assertThat(detail.status()).isEqualTo("Discarded");
		assertThat(browser().findElement(By.id("discarded")).getText()).contains("mia")
			.contains("a test lead from the agency");
		assertThat(detail.offersActions()).isFalse();
		screenshot("delivery-discarded");

		open("/deliveries?status=dead");
		DeliveriesPages.ListPage list = new DeliveriesPages.ListPage(browser(), waitFor());
		assertThat(list.emptyState()).startsWith("No dead letters.");
		assertThat(list.showsADeadLetterBadge()).isFalse();
		list = list.filterByStatus("Discarded");
		assertThat(list.statuses()).containsExactly("Discarded");
		assertThat(list.lastErrors()).singleElement().asString().contains("Discarded: a test lead from the agency");
		assertThat(browser().getCurrentUrl()).endsWith("/deliveries?status=discarded");
	}

	@Test
	void replaysEveryMatchingDeadLetterAfterSayingHowMany() {
		crm.stubFor(post("/leads").willReturn(aResponse().withStatus(200)));
		for (int i = 1; i <= 3; i++) {
			delivery("92000000000102" + i, "dead", "{\"email\":\"lead" + i + "@example.com\"}",
					"The webhook answered 503 until the retry window closed");
		}
		delivery("920000000001029", "delivered", "{\"email\":\"done@example.com\"}", null);
		signIn("mia", TestUsers.PASSWORD);
		open("/deliveries?status=dead&error=retry+window");
		DeliveriesPages.ListPage list = new DeliveriesPages.ListPage(browser(), waitFor());
		assertThat(list.replayAllLabel()).isEqualTo("Replay all 3 matching…");
		DeliveriesPages.ReplayConfirmPage confirm = list.replayAll();
		assertThat(confirm.heading()).isEqualTo("Replay 3 deliveries?");
		assertThat(crm.getAllServeEvents()).as("nothing sent before the confirmation").isEmpty();
		screenshot("deliveries-replay-confirm");
		list = confirm.confirmSendingAsTheyAre();
		assertThat(DeliveriesPages.flash(browser())).isEqualTo("Replayed 3 of 3 deliveries.");
		assertThat(browser().getCurrentUrl()).contains("status=dead").contains("error=retry");
		waitFor().until((driver) -> crm.getAllServeEvents().size() == 3);
		screenshot("deliveries-replayed");
	}

	@Test
	void pagesThroughOlderDeliveriesByKeyset() {
		for (int i = 10; i < 63; i++) {
			delivery("9200000000011" + i, "delivered", "{\"email\":\"p" + i + "@example.com\"}", null);
		}
		signIn("vic", TestUsers.PASSWORD);
		open("/deliveries?status=delivered");
		DeliveriesPages.ListPage list = new DeliveriesPages.ListPage(browser(), waitFor());
		assertThat(list.statuses()).hasSize(50);
		list = list.older();
		assertThat(list.statuses()).hasSize(3);
		assertThat(list.offersOlder()).isFalse();
		assertThat(browser().getCurrentUrl()).contains("status=delivered").contains("before=");
	}

	@Test
	void saysWhatToDoWhenThereAreNoDeliveries() {
		signIn("mia", TestUsers.PASSWORD);
		open("/deliveries");
		DeliveriesPages.ListPage list = new DeliveriesPages.ListPage(browser(), waitFor());
		assertThat(list.emptyState()).startsWith("No deliveries yet.");
		assertThat(list.showsADeadLetterBadge()).isFalse();
		screenshot("deliveries-empty");
	}

	@Test
	void aViewerReadsADeliveryWithItsDataHiddenAndCannotChangeIt() {
		long dead = delivery("920000000001031", "dead", BROKEN, "The webhook answered 422: phone");
		signIn("vic", TestUsers.PASSWORD);
		open("/deliveries/" + dead);
		DeliveriesPages.DetailPage detail = new DeliveriesPages.DetailPage(browser(), waitFor());
		assertThat(detail.payload()).contains("\"email\" : \"hidden for your role\"").doesNotContain("ana@example.com");
		assertThat(detail.offersActions()).isFalse();
		screenshot("delivery-detail-viewer");
		open("/deliveries/" + dead + "/edit");
		waitFor().until(ExpectedConditions.presenceOfElementLocated(By.tagName("h1")));
		assertThat(browser().findElements(By.id("edit-form"))).isEmpty();
		assertThat(browser().getPageSource()).doesNotContain("ana@example.com");
	}

	DeliveriesPages.DetailPage reloadUntil(DeliveriesPages.DetailPage page, String status) {
		DeliveriesPages.DetailPage[] current = { page };
		waitFor().until((driver) -> {
			current[0] = current[0].reload();
			return status.equals(current[0].status());
		});
		return current[0];
	}

	long delivery(String leadgenId, String status, String payload, String lastError) {
		Timestamp created = Timestamp.from(Instant.now().minus(2, ChronoUnit.HOURS));
		Timestamp updated = Timestamp.from(Instant.now().minus(20, ChronoUnit.MINUTES));
		this.jdbc.update("""
				INSERT INTO delivery (leadgen_id, destination_id, mapping_id, mapping_version, payload, status,
				    attempts, last_error, created_at, updated_at, retry_from, delivered_at)
				VALUES (?, 'crm-hook', 'contacts', 1, ?, ?, 1, ?, ?, ?, ?, ?)""", leadgenId, payload, status, lastError,
				created, updated, created, "delivered".equals(status) ? updated : null);
		return this.jdbc.queryForObject("SELECT id FROM delivery WHERE leadgen_id = ?", Long.class, leadgenId);
	}

	void attempt(long deliveryId, String outcome, int httpStatus, String message) {
		this.jdbc.update("""
				INSERT INTO delivery_attempt (delivery_id, started_at, duration_ms, outcome, http_status, message)
				VALUES (?, ?, 240, ?, ?, ?)""", deliveryId, Timestamp.from(Instant.now().minus(1, ChronoUnit.HOURS)),
				outcome, httpStatus, message);
	}

}
