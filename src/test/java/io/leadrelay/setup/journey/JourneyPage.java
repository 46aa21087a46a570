package io.leadrelay.setup.journey;

import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * What the journey's page objects share: the browser, a wait on conditions, and a click
 * that first scrolls the element into view (a phone-sized or long page hides it).
 */
abstract class JourneyPage {

	protected final WebDriver browser;

	protected final WebDriverWait wait;

	JourneyPage(WebDriver browser, WebDriverWait wait) {
		this.browser = browser;
		this.wait = wait;
	}

	protected WebElement find(By element) {
		return this.wait.until(ExpectedConditions.presenceOfElementLocated(element));
	}

	protected void click(By element) {
		click(this.wait.until(ExpectedConditions.elementToBeClickable(element)));
	}

	protected void click(WebElement element) {
		show(element);
		element.click();
	}

	/** Scrolls the element to the middle of the window, for a click or a screenshot. */
	protected WebElement show(WebElement element) {
		((JavascriptExecutor) this.browser)
			.executeScript("arguments[0].scrollIntoView({block: 'center', behavior: 'instant'});", element);
		return element;
	}

	/**
	 * Waits until the browser shows a path that ends with {@code suffix} (query aside).
	 */
	protected void waitForPath(String suffix) {
		this.wait.until((driver) -> driver.getCurrentUrl().replaceAll("[?#].*$", "").endsWith(suffix));
	}

}
