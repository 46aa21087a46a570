package io.leadrelay.security.signin;

import java.time.Duration;

import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/** The password page, {@code /account/password}. */
final class PasswordPage {

	private final WebDriver browser;

	PasswordPage(WebDriver browser) {
		this.browser = browser;
	}

	/** Waits until the browser shows the page. */
	PasswordPage shown() {
		waitFor().until(ExpectedConditions.urlContains("/account/password"));
		waitFor().until(ExpectedConditions.textToBe(By.tagName("h1"), "Change your password"));
		return this;
	}

	boolean asksForTheCurrentPassword() {
		return !this.browser.findElements(By.id("current")).isEmpty();
	}

	String notice() {
		return this.browser.findElement(By.cssSelector("main .alert")).getText();
	}

	/**
	 * Fills in the form (the current password only where the page asks for it) and sends
	 * it.
	 */
	void submit(String current, String password, String confirmation) {
		if (current != null) {
			type("current", current);
		}
		type("password", password);
		type("confirmation", confirmation);
		WebElement button = this.browser.findElement(By.cssSelector("main button[type=submit]"));
		button.click();
		waitFor().until(ExpectedConditions.stalenessOf(button));
	}

	/** The error shown beside a field, such as {@code password}. */
	String errorOf(String field) {
		return waitFor().until(ExpectedConditions.visibilityOfElementLocated(By.id(field + "-error"))).getText();
	}

	private void type(String id, String text) {
		WebElement input = this.browser.findElement(By.id(id));
		input.clear();
		input.sendKeys(text);
	}

	private WebDriverWait waitFor() {
		return new WebDriverWait(this.browser, Duration.ofSeconds(10));
	}

}
