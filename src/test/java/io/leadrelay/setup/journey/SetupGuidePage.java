package io.leadrelay.setup.journey;

import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/** The setup guide ({@code /setup}): its four steps and what to tell Meta. */
public final class SetupGuidePage extends JourneyPage {

	/** The steps' element ids, in order. */
	public static final String PAGE = "step-page";

	public static final String DESTINATION = "step-destination";

	public static final String MAPPING = "step-mapping";

	public static final String TEST_LEAD = "step-test-lead";

	public SetupGuidePage(WebDriver browser, WebDriverWait wait) {
		super(browser, wait);
		wait.until(ExpectedConditions.presenceOfElementLocated(By.id(TEST_LEAD)));
		wait.until(ExpectedConditions.presenceOfElementLocated(By.id("webhook-url")));
	}

	/** "2 of 4 steps done." */
	public String count() {
		return this.browser.findElement(By.id("setup-count")).getText();
	}

	public boolean done(String step) {
		return step(step).getAttribute("class").contains("step-done");
	}

	public boolean next(String step) {
		return step(step).getAttribute("class").contains("step-next");
	}

	/** The state in words: "Done", "Next" or "To do". */
	public String state(String step) {
		return step(step).findElement(By.className("step-state")).getText();
	}

	/** The step's action link, or {@code null} when it has none. */
	public WebElement action(String step) {
		return step(step).findElements(By.className("step-action")).stream().findFirst().orElse(null);
	}

	public boolean complete() {
		return !this.browser.findElements(By.id("setup-complete")).isEmpty();
	}

	public String webhookUrl() {
		return this.browser.findElement(By.id("webhook-url")).getAttribute("value");
	}

	public WebElement verifyToken() {
		return this.browser.findElement(By.id("verify-token"));
	}

	/** Presses "Show" beside the masked verify token. */
	public void showVerifyToken() {
		click(By.cssSelector("button[data-reveal='verify-token']"));
	}

	/**
	 * Presses "Copy" beside the webhook URL and returns what the button says then:
	 * "Copied", or "Press Ctrl+C" when the browser gives no clipboard (the URL is
	 * selected).
	 */
	public String copyWebhookUrl() {
		By button = By.cssSelector("button[data-copy='webhook-url']");
		click(button);
		this.wait.until((driver) -> !driver.findElement(button).getText().equals("Copy"));
		return this.browser.findElement(button).getText();
	}

	/** Follows the step's action link. */
	public void start(String step) {
		click(action(step));
	}

	private WebElement step(String id) {
		return this.browser.findElement(By.id(id));
	}

}
