package io.leadrelay.privacy;

import java.util.List;

import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The privacy pages as a person uses them: search, confirm an erasure, read its result.
 */
final class PrivacyPage {

	private final WebDriver browser;

	private final WebDriverWait wait;

	PrivacyPage(WebDriver browser, WebDriverWait wait) {
		this.browser = browser;
		this.wait = wait;
	}

	void search(String field, String value) {
		WebElement input = this.browser.findElement(By.id(field));
		input.clear();
		input.sendKeys(value);
		this.browser.findElement(By.id("search-button")).click();
		this.wait.until(ExpectedConditions.or(ExpectedConditions.presenceOfElementLocated(By.id("privacy-result")),
				ExpectedConditions.presenceOfElementLocated(By.cssSelector(".invalid-feedback"))));
	}

	List<String> foundLeads() {
		return this.browser.findElements(By.cssSelector("#privacy-leads tbody tr"))
			.stream()
			.map((row) -> row.getAttribute("data-lead"))
			.toList();
	}

	String text(String id) {
		return this.browser.findElement(By.id(id)).getText();
	}

	String error(String field) {
		return this.browser.findElement(By.id(field + "-error")).getText();
	}

	void openConfirmation() {
		this.browser.findElement(By.id("erase-link")).click();
		this.wait.until(ExpectedConditions.presenceOfElementLocated(By.id("erase-form")));
	}

	void erase(boolean askCrms) {
		if (askCrms) {
			click("deleteInCrms");
		}
		click("erase-submit");
		this.wait.until(ExpectedConditions.presenceOfElementLocated(By.id("erase-summary")));
	}

	void eraseRefused() {
		click("erase-submit");
		this.wait.until(ExpectedConditions.presenceOfElementLocated(By.id("erase-error")));
	}

	// Centred at once first: Bootstrap scrolls smoothly, and a click during the scroll
	// below the fold lands on something else.
	private void click(String id) {
		WebElement element = this.browser.findElement(By.id(id));
		((JavascriptExecutor) this.browser)
			.executeScript("arguments[0].scrollIntoView({block: 'center', behavior: 'instant'})", element);
		element.click();
	}

	String exportHref() {
		return this.browser.findElement(By.id("export-link")).getAttribute("href");
	}

}
