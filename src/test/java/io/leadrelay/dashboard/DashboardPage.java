package io.leadrelay.dashboard;

import java.time.Duration;
import java.util.List;

import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/** Page object of the dashboard, {@code /}: waits until its widgets are shown. */
record DashboardPage(WebDriver browser, WebDriverWait waiting) {

	DashboardPage {
		waiting.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#dashboard-widgets .dashboard")));
	}

	String text(String id) {
		return this.browser.findElement(By.id(id)).getText();
	}

	boolean shows(String id) {
		return !this.browser.findElements(By.id(id)).isEmpty();
	}

	/**
	 * The number of leads in the day-by-day table's row of the given day (yyyy-mm-dd).
	 */
	String leadsOn(String day) {
		return this.browser.findElement(By.cssSelector("#leads-per-day tr[data-day='" + day + "'] .total"))
			.getAttribute("textContent")
			.trim();
	}

	List<String> legend() {
		return this.browser.findElements(By.cssSelector("#chart-legend li")).stream().map(WebElement::getText).toList();
	}

	int bars() {
		return this.browser.findElements(By.cssSelector("#leads-chart .bars rect")).size();
	}

	/** Delivered, dead and success rate of a destination, as shown. */
	List<String> success(String destinationId) {
		String row = "#delivery-success tr[data-destination='" + destinationId + "'] ";
		return List.of(this.browser.findElement(By.cssSelector(row + "th")).getText(),
				this.browser.findElement(By.cssSelector(row + ".delivered")).getText(),
				this.browser.findElement(By.cssSelector(row + ".dead")).getText(),
				this.browser.findElement(By.cssSelector(row + ".rate")).getText());
	}

	List<String> pagesNeedingToken() {
		return this.browser.findElements(By.cssSelector("#pages-needing-token li"))
			.stream()
			.map(WebElement::getText)
			.toList();
	}

	List<String> destinationsNeedingCredentials() {
		return this.browser.findElements(By.cssSelector("#destinations-needing-credentials li"))
			.stream()
			.map(WebElement::getText)
			.toList();
	}

	DashboardPage choose(String optionId) {
		this.browser.findElement(By.cssSelector("label[for='" + optionId + "']")).click();
		this.waiting.until(ExpectedConditions.urlContains(optionId.replace('-', '=')));
		this.waiting.until(ExpectedConditions.elementSelectionStateToBe(By.id(optionId), true));
		return new DashboardPage(this.browser, this.waiting);
	}

	DeliveriesLink deadLetters() {
		return new DeliveriesLink(this.browser.findElement(By.id("dead-letters-link")).getAttribute("href"));
	}

	void scrollTo(String id) {
		((JavascriptExecutor) this.browser)
			.executeScript("document.getElementById(arguments[0]).scrollIntoView({behavior: 'instant'});", id);
	}

	/** Marks the document, so that a test can tell it was not reloaded. */
	void mark() {
		((JavascriptExecutor) this.browser).executeScript("window.dashboardMark = 'still here';");
	}

	boolean stillMarked() {
		return "still here".equals(((JavascriptExecutor) this.browser).executeScript("return window.dashboardMark;"));
	}

	/** Waits (longer than a refresh) until the widget with the id shows the text. */
	void awaitText(String id, String text) {
		new WebDriverWait(this.browser, Duration.ofSeconds(45))
			.until(ExpectedConditions.textToBePresentInElementLocated(By.id(id), text));
	}

	record DeliveriesLink(String href) {

	}

}
