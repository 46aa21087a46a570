package io.leadrelay.pipeline.web;

import java.util.List;

import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Page objects for the reprocess pages: one class per page, each waiting until its page
 * is shown before it reads or clicks.
 */
final class ReprocessPages {

	private ReprocessPages() {
	}

	/** {@code /leads/reprocess?filters}: how many leads match, and the confirm button. */
	record ConfirmPage(WebDriver browser, WebDriverWait waiting) {

		ConfirmPage {
			waiting.until(ExpectedConditions.presenceOfElementLocated(By.id("reprocess-filters")));
		}

		String heading() {
			return this.browser.findElement(By.id("match-heading")).getText();
		}

		long count() {
			return Long.parseLong(this.browser.findElement(By.id("match-count")).getText());
		}

		boolean mayConfirm() {
			return !this.browser.findElements(By.id("reprocess-submit")).isEmpty();
		}

		String notAllowed() {
			return this.browser.findElement(By.id("not-allowed")).getText();
		}

		String confirmLabel() {
			return this.browser.findElement(By.id("reprocess-submit")).getText();
		}

		DonePage confirm() {
			this.browser.findElement(By.id("reprocess-submit")).click();
			return new DonePage(this.browser, this.waiting);
		}

		String fieldError(String field) {
			return this.browser.findElement(By.id(field + "-error")).getText();
		}

	}

	/** {@code /leads/reprocess/done}: what a bulk reprocess did. */
	record DonePage(WebDriver browser, WebDriverWait waiting) {

		DonePage {
			waiting.until(ExpectedConditions.presenceOfElementLocated(By.id("reprocess-summary")));
		}

		String summary() {
			return this.browser.findElement(By.id("reprocess-summary")).getText();
		}

		List<String> failures() {
			return this.browser.findElements(By.cssSelector("#reprocess-failures li"))
				.stream()
				.map(WebElement::getText)
				.toList();
		}

	}

}
