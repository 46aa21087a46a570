package io.leadrelay.setup.journey;

import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Adding a destination: choose its type on {@code /destinations/new}, then fill in
 * {@code /destinations/new?type=<type>}.
 */
public final class DestinationForm extends JourneyPage {

	public DestinationForm(WebDriver browser, WebDriverWait wait) {
		super(browser, wait);
		waitForPath("/destinations/new");
	}

	/** Picks the type ({@code a.choose-type[data-type]}), which opens its form. */
	public DestinationForm chooseType(String type) {
		click(By.cssSelector("a.choose-type[data-type='" + type + "']"));
		find(By.id("destination-name"));
		return this;
	}

	public DestinationForm name(String name) {
		return type(By.id("destination-name"), name);
	}

	public DestinationForm id(String id) {
		return type(By.id("destination-id"), id);
	}

	public DestinationForm setting(String key, String value) {
		return type(By.id("settings-" + key), value);
	}

	public DestinationForm credential(String key, String value) {
		return type(By.id("credentials-" + key), value);
	}

	/** Presses {@code button#save-destination}, which opens the new destination. */
	public DestinationPage save(String id) {
		click(By.id("save-destination"));
		return new DestinationPage(this.browser, this.wait, id);
	}

	private DestinationForm type(By field, String value) {
		WebElement input = find(field);
		input.clear();
		input.sendKeys(value);
		return this;
	}

}
