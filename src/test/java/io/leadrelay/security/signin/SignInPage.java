package io.leadrelay.security.signin;

import java.time.Duration;

import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/** The sign-in page, {@code /login}. */
final class SignInPage {

	private final WebDriver browser;

	private final String baseUrl;

	SignInPage(WebDriver browser, String baseUrl) {
		this.browser = browser;
		this.baseUrl = baseUrl;
	}

	/**
	 * Opens the page and signs in, or tries to; waits until the browser has left /login.
	 */
	SignInPage submit(String username, String password) {
		this.browser.get(this.baseUrl + "/login");
		this.browser.findElement(By.id("username")).sendKeys(username);
		this.browser.findElement(By.id("password")).sendKeys(password);
		this.browser.findElement(By.cssSelector("#sign-in-form button[type=submit]")).click();
		waitFor().until((driver) -> !driver.getCurrentUrl().endsWith("/login"));
		return this;
	}

	/** The refusal the page shows after a failed sign-in. */
	String error() {
		return waitFor().until(ExpectedConditions.visibilityOfElementLocated(By.id("sign-in-error"))).getText();
	}

	private WebDriverWait waitFor() {
		return new WebDriverWait(this.browser, Duration.ofSeconds(10));
	}

}
