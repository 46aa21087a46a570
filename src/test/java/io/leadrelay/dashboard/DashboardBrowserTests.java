package io.leadrelay.dashboard;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

import io.leadrelay.support.LeadRelayIntegrationTest;
import io.leadrelay.support.LeadgenPayloads;
import io.leadrelay.support.WebhookClient;
import io.leadrelay.support.browser.BrowserTest;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The dashboard in a browser: its figures from known rows, its empty state, its refresh.
 */
class DashboardBrowserTests extends BrowserTest {

	@LocalServerPort
	int port;

	@Test
	void showsTheFiguresOfKnownLeadsAndDeliveries() {
		storeKnownLeadsAndDeliveries();
		signIn("admin", LeadRelayIntegrationTest.ADMIN_PASSWORD);

		DashboardPage dashboard = new DashboardPage(browser(), waitFor());

		assertThat(dashboard.text("leads-today")).isEqualTo("3");
		assertThat(dashboard.text("leads-window")).isEqualTo("5");
		assertThat(dashboard.leadsOn(LocalDate.now(ZoneOffset.UTC).toString())).isEqualTo("3");
		assertThat(dashboard.text("chart-zone")).contains("UTC");
		assertThat(dashboard.legend()).containsExactly("Acme Shoes (3)", "Bolt Bikes (1)", "Calm Cafe (1)");
		assertThat(dashboard.bars()).isGreaterThanOrEqualTo(3);
		assertThat(dashboard.success("hubspot-eu")).containsExactly("HubSpot EU", "3", "1", "75 %");
		assertThat(dashboard.success("pipedrive")).containsExactly("Pipedrive sales", "0", "0", "None yet");
		assertThat(dashboard.text("latency-p50")).isEqualTo("4.0 s");
		assertThat(dashboard.text("latency-p95")).isEqualTo("1 min 0 s");
		assertThat(dashboard.text("dead-letters")).isEqualTo("1");
		assertThat(dashboard.deadLetters().href()).endsWith("/deliveries?status=dead");
		assertThat(dashboard.text("oldest-waiting")).isEqualTo("1 d 2 h");
		assertThat(dashboard.text("waiting-counts")).isEqualTo("1 lead being read, 0 deliveries being sent");
		assertThat(dashboard.pagesNeedingToken()).hasSize(2);
		assertThat(dashboard.pagesNeedingToken().get(0))
			.startsWith("Page Acme Shoes: Token expires soon (expires in 3");
		assertThat(dashboard.pagesNeedingToken().get(1)).startsWith("Page Bolt Bikes: Needs a new token");
		assertThat(dashboard.destinationsNeedingCredentials()).singleElement()
			.asString()
			.startsWith("Destination Pipedrive sales: Needs new credentials");
		screenshot("dashboard");
		dashboard.scrollTo("leads-per-day-title");
		screenshot("dashboard-chart");

		resize(390, 844);
		open("/");
		DashboardPage phone = new DashboardPage(browser(), waitFor());
		screenshot("dashboard-phone");
		phone.scrollTo("leads-per-day-title");
		screenshot("dashboard-phone-chart");
		resize(1280, 800);
	}

	@Test
	void switchesBetweenPagesAndFormsAnd7Or30Days() {
		storeKnownLeadsAndDeliveries();
		signIn("admin", LeadRelayIntegrationTest.ADMIN_PASSWORD);
		DashboardPage dashboard = new DashboardPage(browser(), waitFor());

		DashboardPage byForm = dashboard.choose("by-form");
		assertThat(byForm.text("leads-per-day-title")).isEqualTo("Leads per day, by form");
		assertThat(byForm.legend()).containsExactly("Form 901 (3)", "Form 902 (2)");
		DashboardPage month = byForm.choose("days-30");
		assertThat(month.text("leads-window")).isEqualTo("5");
		assertThat(browser().getCurrentUrl()).contains("days=30").contains("by=form");
		screenshot("dashboard-30-days-by-form");

	}

	private void storeKnownLeadsAndDeliveries() {
		Instant now = Instant.now();
		Instant startOfToday = LocalDate.now(ZoneOffset.UTC).atStartOfDay(ZoneOffset.UTC).toInstant();
		// Half way through the part of today gone by: today, whenever the test runs.
		Instant today = startOfToday.plus(Duration.between(startOfToday, now).dividedBy(2));
		Instant waitingSince = now.minus(Duration.ofHours(26));
		new DashboardRows(this.jdbc).page("111", "Acme Shoes", "valid", now.plus(Duration.ofDays(3)))
			.page("222", "Bolt Bikes", "needs_token", null)
			.page("333", "Calm Cafe", "valid", now.plus(Duration.ofDays(30)))
			.destination("hubspot-eu", "HubSpot EU", "active")
			.destination("pipedrive", "Pipedrive sales", "needs_credentials")
			.lead("1", "111", "901", "mapped", today)
			.lead("2", "111", "901", "mapped", today)
			.lead("3", "222", "902", "mapped", today)
			.lead("4", "333", "902", "mapped", startOfToday.minus(Duration.ofHours(1)))
			.lead("5", "111", "901", "received", waitingSince)
			.delivery("1", "hubspot-eu", "delivered", today.plusSeconds(2), today.plusSeconds(2))
			.delivery("2", "hubspot-eu", "delivered", today.plusSeconds(4), today.plusSeconds(4))
			.delivery("3", "hubspot-eu", "delivered", today.plusSeconds(60), today.plusSeconds(60))
			.delivery("4", "hubspot-eu", "dead", now.minusSeconds(60), null);
	}

	@Test
	void tellsANewcomerWhatToDoFirst() {
		signIn("admin", LeadRelayIntegrationTest.ADMIN_PASSWORD);

		DashboardPage dashboard = new DashboardPage(browser(), waitFor());

		assertThat(dashboard.text("getting-started-title")).isEqualTo("No leads yet");
		assertThat(dashboard.text("getting-started")).contains(baseUrl() + "/webhooks/meta")
			.contains("Send a test lead");
		assertThat(dashboard.shows("leads-chart")).isFalse();
		assertThat(browser().findElement(By.cssSelector("nav a.active")).getText()).isEqualTo("Dashboard");
		screenshot("dashboard-empty");
	}

	@Test
	void countsASignedWebhooksLeadWithoutAReload() {
		signIn("admin", LeadRelayIntegrationTest.ADMIN_PASSWORD);
		DashboardPage dashboard = new DashboardPage(browser(), waitFor());
		assertThat(dashboard.shows("getting-started")).isTrue();
		dashboard.mark();

		assertThat(new WebhookClient(this.port)
			.postSigned(LeadRelayIntegrationTest.APP_SECRET, LeadgenPayloads.notification("5550001"))
			.statusCode()).isEqualTo(200);
		dashboard.awaitText("leads-today", "1");

		assertThat(dashboard.stillMarked()).isTrue();
		assertThat(dashboard.shows("getting-started")).isFalse();
		assertThat(new WebhookClient(this.port)
			.postSigned(LeadRelayIntegrationTest.APP_SECRET, LeadgenPayloads.notification("5550002"))
			.statusCode()).isEqualTo(200);
		dashboard.awaitText("leads-today", "2");
		assertThat(dashboard.stillMarked()).isTrue();
	}

}
