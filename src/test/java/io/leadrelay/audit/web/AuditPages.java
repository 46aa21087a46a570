package io.leadrelay.audit.web;

import java.util.List;

import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/** Page objects for the audit log: one class per page, each waiting until it is shown. */
final class AuditPages {

	private AuditPages() {
	}

	/** {@code /audit}. */
	record ListPage(WebDriver browser, WebDriverWait waiting) {

		ListPage {
			waiting.until(ExpectedConditions.presenceOfElementLocated(By.id("audit-filters")));
		}

		List<WebElement> rows() {
			return this.browser.findElements(By.cssSelector("#audit-entries tbody tr"));
		}

		List<String> column(String attribute) {
			return rows().stream().map((row) -> row.getAttribute("data-" + attribute)).toList();
		}

		String row(long id) {
			return this.browser.findElement(By.cssSelector("#audit-entries tr[data-id='" + id + "']")).getText();
		}

		/** Types into a filter and leaves it, as a user does; htmx swaps the list. */
		ListPage filter(String field, String value) {
			WebElement table = this.browser.findElement(By.tagName("main"));
			WebElement input = this.browser.findElement(By.id(field));
			// Select and overwrite: clear() alone would already fire a change, and a
			// swap.
			input.sendKeys(Keys.chord(Keys.CONTROL, "a"), value, Keys.TAB);
			this.waiting.until(ExpectedConditions.stalenessOf(table));
			return new ListPage(this.browser, this.waiting);
		}

		ListPage older() {
			return follow("older");
		}

		ListPage newest() {
			return follow("newest");
		}

		String verify() {
			WebElement button = this.browser.findElement(By.id("verify"));
			List<WebElement> before = this.browser.findElements(By.id("verdict"));
			button.click();
			if (!before.isEmpty()) {
				this.waiting.until(ExpectedConditions.stalenessOf(before.get(0)));
			}
			return this.waiting.until(ExpectedConditions.visibilityOfElementLocated(By.id("verdict"))).getText();
		}

		private ListPage follow(String link) {
			WebElement anchor = this.browser.findElement(By.id(link));
			((JavascriptExecutor) this.browser)
				.executeScript("arguments[0].scrollIntoView({block: 'center', behavior: 'instant'})", anchor);
			anchor.click();
			this.waiting.until(ExpectedConditions.stalenessOf(anchor));
			return new ListPage(this.browser, this.waiting);
		}

	}

}
