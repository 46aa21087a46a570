package io.leadrelay.pipeline.web;

import java.util.List;

import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Page objects for the leads list and a lead's page, each waiting until its page is
 * shown.
 */
final class LeadsPages {

	private LeadsPages() {
	}

	/** {@code /leads}. */
	record ListPage(WebDriver browser, WebDriverWait waiting) {

		ListPage {
			waiting.until(ExpectedConditions.presenceOfElementLocated(By.id("lead-filters")));
		}

		List<String> leadgenIds() {
			return this.browser.findElements(By.cssSelector("#leads tbody tr"))
				.stream()
				.map((row) -> row.getAttribute("data-leadgen-id"))
				.toList();
		}

		String emptyState() {
			return this.browser.findElement(By.id("no-leads")).getText();
		}

		/** Types into the search box and waits until the list shows only what matches. */
		ListPage search(String text, int expectedRows) {
			WebElement box = this.browser.findElement(By.id("q"));
			box.clear();
			box.sendKeys(text);
			this.waiting.until((driver) -> driver.getCurrentUrl().contains("q=")
					&& driver.findElements(By.cssSelector("#leads tbody tr")).size() == expectedRows);
			return this;
		}

		String status(String leadgenId) {
			return this.browser.findElement(By.cssSelector("tr[data-leadgen-id='" + leadgenId + "'] .badge")).getText();
		}

		LeadPage open(String leadgenId) {
			this.browser.findElement(By.cssSelector("tr[data-leadgen-id='" + leadgenId + "'] a.lead-link")).click();
			return new LeadPage(this.browser, this.waiting);
		}

	}

	/** {@code /leads/{leadgenId}}. */
	record LeadPage(WebDriver browser, WebDriverWait waiting) {

		LeadPage {
			waiting.until(ExpectedConditions.presenceOfElementLocated(By.id("timeline")));
		}

		String status() {
			return this.browser.findElement(By.id("lead-status")).getText();
		}

		String answer(String field) {
			return this.browser.findElement(By.cssSelector("#answers dd[data-field='" + field + "']")).getText();
		}

		List<String> timeline() {
			return this.browser.findElements(By.cssSelector("#timeline li span.me-auto"))
				.stream()
				.map(WebElement::getText)
				.toList();
		}

		String payload() {
			return this.browser.findElement(By.cssSelector(".delivery pre.payload")).getAttribute("textContent");
		}

	}

}
