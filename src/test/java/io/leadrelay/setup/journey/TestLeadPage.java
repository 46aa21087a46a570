package io.leadrelay.setup.journey;

import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Sending a test lead through a mapping ({@code /mappings/<id>/test-lead}): one input per
 * question of its form, and what the CRM answered.
 */
public final class TestLeadPage extends JourneyPage {

	public TestLeadPage(WebDriver browser, WebDriverWait wait, String mappingId) {
		super(browser, wait);
		waitForPath("/mappings/" + mappingId + "/test-lead");
		find(By.cssSelector("button#send-test-lead"));
	}

	/** The answer prefilled for the question. */
	public String answer(String question) {
		return input(question).getAttribute("value");
	}

	/** Replaces the answer to the question. */
	public TestLeadPage answer(String question, String value) {
		WebElement input = input(question);
		input.clear();
		input.sendKeys(value);
		return this;
	}

	/**
	 * Presses {@code button#send-test-lead} and waits for the outcome in
	 * {@code #test-lead-result}.
	 */
	public TestLeadPage send() {
		click(By.cssSelector("button#send-test-lead"));
		find(By.cssSelector("#test-lead-result [data-outcome]"));
		return this;
	}

	/** The outcome's code ({@code delivered}, ...). */
	public String outcome() {
		return find(By.cssSelector("#test-lead-result [data-outcome]")).getAttribute("data-outcome");
	}

	/** What the result says, in words. */
	public String result() {
		return find(By.id("test-lead-result")).getText();
	}

	/** Follows {@code a#test-lead-timeline} to the test lead's own page. */
	public LeadPage openTimeline() {
		click(By.id("test-lead-timeline"));
		return new LeadPage(this.browser, this.wait);
	}

	private WebElement input(String question) {
		return find(By.cssSelector("input[data-question='" + question + "']"));
	}

}
