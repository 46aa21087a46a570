package io.leadrelay.delivery.web;

import java.util.List;

import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Page objects for the deliveries pages: one class per page, each waiting until its page
 * is shown before it reads or clicks.
 */
final class DeliveriesPages {

	private DeliveriesPages() {
	}

	/** Clicks a button or link that leaves the page, and waits until it has. */
	static void clickAway(WebDriver browser, WebDriverWait waiting, WebElement element) {
		((JavascriptExecutor) browser)
			.executeScript("arguments[0].scrollIntoView({block: 'center', behavior: 'instant'})", element);
		WebElement page = browser.findElement(By.tagName("html"));
		element.click();
		waiting.until(ExpectedConditions.stalenessOf(page));
	}

	static void scrollTo(WebDriver browser, WebElement element) {
		((JavascriptExecutor) browser)
			.executeScript("arguments[0].scrollIntoView({block: 'center', behavior: 'instant'})", element);
	}

	static String flash(WebDriver browser) {
		return browser.findElement(By.cssSelector("[role=status].alert")).getText();
	}

	/** {@code /deliveries}. */
	record ListPage(WebDriver browser, WebDriverWait waiting) {

		ListPage {
			waiting.until(ExpectedConditions.presenceOfElementLocated(By.id("delivery-filters")));
		}

		List<String> statuses() {
			return this.browser.findElements(By.cssSelector("#deliveries tbody .delivery-status"))
				.stream()
				.map(WebElement::getText)
				.toList();
		}

		List<String> lastErrors() {
			return this.browser.findElements(By.cssSelector("#deliveries tbody .last-error"))
				.stream()
				.map(WebElement::getText)
				.toList();
		}

		/** The dead-letter badge as a screen reader reads it. */
		String deadLetterBadge() {
			return this.waiting
				.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#dead-letter-badge .badge")))
				.getAttribute("textContent")
				.replaceAll("\\s+", " ")
				.strip();
		}

		boolean showsADeadLetterBadge() {
			return !this.browser.findElements(By.cssSelector("#dead-letter-badge .badge")).isEmpty();
		}

		String emptyState() {
			return this.browser.findElement(By.id("no-deliveries")).getText();
		}

		/**
		 * Chooses a status in the filters, which htmx applies at once (and puts in the
		 * URL).
		 */
		ListPage filterByStatus(String label) {
			WebElement table = this.browser.findElement(By.tagName("main"));
			new Select(this.browser.findElement(By.id("status"))).selectByVisibleText(label);
			this.waiting.until(ExpectedConditions.stalenessOf(table));
			return new ListPage(this.browser, this.waiting);
		}

		ListPage older() {
			clickAway(this.browser, this.waiting, this.browser.findElement(By.id("older-page")));
			return new ListPage(this.browser, this.waiting);
		}

		boolean offersOlder() {
			return !this.browser.findElements(By.id("older-page")).isEmpty();
		}

		ListPage deadLetters() {
			clickAway(this.browser, this.waiting, this.browser.findElement(By.id("show-dead-letters")));
			return new ListPage(this.browser, this.waiting);
		}

		String replayAllLabel() {
			return this.browser.findElement(By.id("replay-all")).getText();
		}

		ReplayConfirmPage replayAll() {
			clickAway(this.browser, this.waiting, this.browser.findElement(By.id("replay-all")));
			return new ReplayConfirmPage(this.browser, this.waiting);
		}

		DetailPage open(long id) {
			clickAway(this.browser, this.waiting,
					this.browser.findElement(By.cssSelector("#deliveries tr[data-id='" + id + "'] a")));
			return new DetailPage(this.browser, this.waiting);
		}

	}

	/** {@code /deliveries/replay?...}: the confirm step of a bulk replay. */
	record ReplayConfirmPage(WebDriver browser, WebDriverWait waiting) {

		ReplayConfirmPage {
			waiting.until(ExpectedConditions.presenceOfElementLocated(By.id("replay-heading")));
		}

		String heading() {
			return this.browser.findElement(By.id("replay-heading")).getText();
		}

		ListPage confirmSendingAsTheyAre() {
			this.browser.findElement(By.id("how-as-is")).click();
			clickAway(this.browser, this.waiting, this.browser.findElement(By.id("confirm-replay")));
			return new ListPage(this.browser, this.waiting);
		}

	}

	/** {@code /deliveries/{id}}. */
	record DetailPage(WebDriver browser, WebDriverWait waiting) {

		DetailPage {
			waiting.until(ExpectedConditions.presenceOfElementLocated(By.id("delivery-facts")));
		}

		String status() {
			return this.browser.findElement(By.cssSelector("#status .delivery-status")).getText();
		}

		String payload() {
			return this.browser.findElement(By.id("payload")).getText();
		}

		boolean offersActions() {
			return !this.browser.findElements(By.id("actions")).isEmpty()
					|| !this.browser.findElements(By.id("edit-payload")).isEmpty();
		}

		List<String> attemptOutcomes() {
			return this.browser.findElements(By.cssSelector("#attempts tbody tr td:nth-child(2)"))
				.stream()
				.map(WebElement::getText)
				.toList();
		}

		String editBefore() {
			return this.browser.findElement(By.cssSelector("#edits .edit-before")).getText();
		}

		String editAfter() {
			return this.browser.findElement(By.cssSelector("#edits .edit-after")).getText();
		}

		String editHeading() {
			return this.browser.findElement(By.cssSelector("#edits .payload-edit h3")).getText();
		}

		String editReason() {
			return this.browser.findElement(By.cssSelector("#edits .edit-reason")).getText();
		}

		/** Scrolls to the edits, so a screenshot shows the original beside the edit. */
		DetailPage showEdits() {
			scrollTo(this.browser, this.browser.findElement(By.id("edits")));
			return this;
		}

		EditPage edit() {
			clickAway(this.browser, this.waiting, this.browser.findElement(By.id("edit-payload")));
			return new EditPage(this.browser, this.waiting);
		}

		DetailPage discard(String reason) {
			WebElement field = this.browser.findElement(By.id("discard-reason"));
			field.clear();
			field.sendKeys(reason);
			clickAway(this.browser, this.waiting,
					this.browser.findElement(By.cssSelector("#discard-form button[type=submit]")));
			return new DetailPage(this.browser, this.waiting);
		}

		String discardError() {
			WebElement error = this.browser.findElement(By.id("discard-reason-error"));
			((JavascriptExecutor) this.browser)
				.executeScript("arguments[0].scrollIntoView({block: 'center', behavior: 'instant'})", error);
			return error.getText();
		}

		DetailPage reload() {
			this.browser.navigate().refresh();
			return new DetailPage(this.browser, this.waiting);
		}

	}

	/** {@code /deliveries/{id}/edit}. */
	record EditPage(WebDriver browser, WebDriverWait waiting) {

		EditPage {
			waiting.until(ExpectedConditions.presenceOfElementLocated(By.id("edit-form")));
		}

		EditPage fill(String payload, String reason) {
			WebElement text = this.browser.findElement(By.id("payload"));
			text.clear();
			text.sendKeys(payload);
			WebElement why = this.browser.findElement(By.id("reason"));
			why.clear();
			why.sendKeys(reason);
			return this;
		}

		String payload() {
			return this.browser.findElement(By.id("payload")).getAttribute("value");
		}

		EditPage submitRefused() {
			clickAway(this.browser, this.waiting, this.browser.findElement(By.id("save-and-resend")));
			return new EditPage(this.browser, this.waiting);
		}

		DetailPage submit() {
			clickAway(this.browser, this.waiting, this.browser.findElement(By.id("save-and-resend")));
			return new DetailPage(this.browser, this.waiting);
		}

		String payloadError() {
			WebElement error = this.browser.findElement(By.id("payload-error"));
			scrollTo(this.browser, error);
			return error.getText();
		}

		String payloadDescribedBy() {
			return this.browser.findElement(By.id("payload")).getAttribute("aria-describedby");
		}

	}

}
