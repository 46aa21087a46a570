package io.leadrelay.setup.journey;

import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/** One lead ({@code /leads/<leadgenId>}): its answers and its timeline. */
public final class LeadPage extends JourneyPage {

	public LeadPage(WebDriver browser, WebDriverWait wait) {
		super(browser, wait);
		find(By.id("timeline"));
	}

	public String timeline() {
		return find(By.id("timeline")).getText();
	}

	/** Whether the lead carries the "Test" badge ({@code .badge-test}). */
	public boolean test() {
		return this.browser.findElements(By.cssSelector(".badge-test"))
			.stream()
			.anyMatch((badge) -> badge.getText().equals("Test"));
	}

}
