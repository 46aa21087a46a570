package io.leadrelay.security.mfa;

import java.time.Duration;

import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/** The page object of the second sign-in step, {@code /login/two-factor}. */
class TwoFactorSignInPage {

	private final WebDriver browser;

	TwoFactorSignInPage(WebDriver browser) {
		this.browser = browser;
		waitFor().until(ExpectedConditions.urlContains("/login/two-factor"));
		waitFor().until(ExpectedConditions.presenceOfElementLocated(By.id("code")));
	}

	/** Types a code and waits until the browser has left the step. */
	void signIn(String code) {
		type(code);
		waitFor().until(ExpectedConditions.not(ExpectedConditions.urlContains("/login/two-factor")));
	}

	/** Types a code and returns the error shown beside the field. */
	String signInRefused(String code) {
		type(code);
		return waitFor().until(ExpectedConditions.visibilityOfElementLocated(By.id("code-error"))).getText();
	}

	private void type(String code) {
		this.browser.findElement(By.id("code")).clear();
		this.browser.findElement(By.id("code")).sendKeys(code);
		this.browser.findElement(By.cssSelector("form[action$='/login/two-factor'] button[type=submit]")).click();
	}

	private WebDriverWait waitFor() {
		return new WebDriverWait(this.browser, Duration.ofSeconds(10));
	}

}
