package io.leadrelay.alert;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import io.leadrelay.support.LeadRelayIntegrationTest;
import io.leadrelay.support.browser.BrowserTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Settings &gt; Alerts in a real browser: an admin adds an email channel (after fixing a
 * bad address), is refused a plain-http webhook, and sends a test alert that GreenMail
 * receives.
 */
@TestPropertySource(properties = "spring.mail.host=127.0.0.1")
class AlertSettingsBrowserTests extends BrowserTest {

	@RegisterExtension
	static GreenMailExtension mail = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort())
		.withPerMethodLifecycle(false);

	@DynamicPropertySource
	static void mailServer(DynamicPropertyRegistry registry) {
		registry.add("spring.mail.port", () -> mail.getSmtp().getPort());
	}

	@Autowired
	AlertChannels channels;

	@BeforeEach
	void signInAsAdmin() throws Exception {
		mail.purgeEmailFromAllMailboxes();
		signIn("admin", LeadRelayIntegrationTest.ADMIN_PASSWORD);
	}

	@Test
	void anAdminAddsAnEmailChannelAndSendsItATestAlert() {
		open("/settings");
		click(browser().findElement(By.id("open-alerts")));
		waitFor().until(ExpectedConditions.visibilityOfElementLocated(By.id("no-channels")));
		screenshot("alerts-empty");
		click(browser().findElement(By.id("add-channel")));

		fill("name", "Ops team");
		fill("recipients", "ops@example.com, marketing-at-example");
		submit();
		WebElement error = waitFor().until(ExpectedConditions.visibilityOfElementLocated(By.id("recipients-error")));
		assertThat(error.getText())
			.isEqualTo("'marketing-at-example' is not an email address, such as ops@example.com");
		assertThat(browser().findElement(By.id("recipients")).getAttribute("class")).contains("is-invalid");
		screenshot("alerts-add-channel-error");

		fill("recipients", "ops@example.com, marketing@example.com");
		submit();
		WebElement row = waitFor()
			.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("li[data-channel='Ops team']")));
		assertThat(row.getText()).contains("ops@example.com, marketing@example.com").contains("Gets alerts");

		click(row.findElement(By.cssSelector(".test-channel")));
		WebElement outcome = waitFor()
			.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".test-outcome[data-sent=true]")));
		assertThat(outcome.getText()).startsWith("Sent. The mail server took the email for ops@example.com");
		assertThat(mail.getReceivedMessages()).hasSize(2);
		screenshot("alerts-test-sent");
		resize(390, 844);
		screenshot("alerts-test-sent-phone");
		resize(1280, 800);
	}

	@Test
	void aPlainHttpWebhookIsRefusedBesideItsField() {
		open("/settings/alerts/new");
		fill("name", "Slack");
		click(browser().findElement(By.id("kind-webhook")));
		fill("webhookUrl", "http://hooks.slack.com/services/T0/B0/x");
		submit();
		WebElement error = waitFor().until(ExpectedConditions.visibilityOfElementLocated(By.id("webhookUrl-error")));
		assertThat(error.getText()).isEqualTo("webhook URL must start with https://");
		// Write-only: the URL typed is not echoed back into the page.
		assertThat(browser().findElement(By.id("webhookUrl")).getAttribute("value")).isEmpty();
		assertThat(browser().getPageSource()).doesNotContain("T0/B0/x");
		screenshot("alerts-webhook-http-refused");
	}

	@Test
	void anAdminAnnouncesNewLeadsWithTheAnswersTheyPick() {
		this.channels.addEmail("Sales", "sales@example.com", "admin");
		open("/settings/alerts");
		waitFor().until(ExpectedConditions.visibilityOfElementLocated(By.id("no-notifications")));
		click(browser().findElement(By.id("add-notification")));
		fill("fields", "full name?");
		click(browser().findElement(By.cssSelector("#add-notification-form button[type=submit]")));
		WebElement error = waitFor().until(ExpectedConditions.visibilityOfElementLocated(By.id("fields-error")));
		assertThat(error.getText())
			.isEqualTo("'name?' is not an answer's name: use the names the form's questions have, such as full_name");
		screenshot("alerts-notification-error");

		fill("fields", "full_name, city");
		click(browser().findElement(By.cssSelector("#add-notification-form button[type=submit]")));
		WebElement notification = waitFor()
			.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#lead-notifications .notification")));
		assertThat(notification.getText()).contains("Every form to Sales").contains("Answers: full_name, city");
		screenshot("alerts-notification-added");
	}

	@Test
	void theDashboardShowsWhatNeedsAttention() {
		this.jdbc.update("""
				INSERT INTO alert_incident (incident_key, kind, source, title, detail, link, opened_at, last_alerted_at)
				VALUES ('destination-credentials:hubspot-main', 'destination-credentials', 'test',
				'HubSpot (main) refuses its credentials', 'Enter a new access token.', '/destinations/hubspot-main',
				CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)""");
		open("/");
		WebElement card = waitFor().until(ExpectedConditions.visibilityOfElementLocated(By.id("needs-attention")));
		assertThat(card.getText()).contains("Needs attention").contains("HubSpot (main) refuses its credentials");
		assertThat(card.findElement(By.linkText("HubSpot (main) refuses its credentials")).getAttribute("href"))
			.endsWith("/destinations/hubspot-main");
		screenshot("dashboard-needs-attention");
	}

	private void fill(String id, String text) {
		WebElement field = browser().findElement(By.id(id));
		field.clear();
		field.sendKeys(text);
	}

	private void submit() {
		click(browser().findElement(By.cssSelector("#add-channel-form button[type=submit]")));
	}

	private void click(WebElement element) {
		((JavascriptExecutor) browser())
			.executeScript("arguments[0].scrollIntoView({block: 'center', behavior: 'instant'})", element);
		element.click();
	}

}
