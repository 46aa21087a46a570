package io.leadrelay.security.mfa;

import java.time.Duration;
import java.util.List;

import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/** The page object of {@code /account/two-factor}. */
class TwoFactorPage {

	private final WebDriver browser;

	TwoFactorPage(WebDriver browser) {
		this.browser = browser;
		waitFor().until(ExpectedConditions.urlContains("/account/two-factor"));
		waitFor().until(ExpectedConditions.presenceOfElementLocated(By.tagName("h1")));
	}

	boolean isOn() {
		return !this.browser.findElements(By.cssSelector("main .badge.text-bg-success")).isEmpty();
	}

	/** The secret as the page shows it, without the spaces between its groups. */
	String secret() {
		return this.browser.findElement(By.id("secret")).getText().replace(" ", "");
	}

	boolean showsQrCode() {
		return !this.browser.findElements(By.cssSelector("#qr-code svg[role=img] path")).isEmpty();
	}

	String warning() {
		return this.browser.findElement(By.cssSelector("main .alert-warning")).getText();
	}

	/** Confirms with a code and expects the recovery codes. */
	RecoveryCodesPage confirm(String code) {
		type(code);
		return new RecoveryCodesPage(this.browser);
	}

	/** Confirms with a code and expects it refused. */
	String confirmRefused(String code) {
		type(code);
		return waitFor().until(ExpectedConditions.visibilityOfElementLocated(By.id("code-error"))).getText();
	}

	private void type(String code) {
		// Enter submits the form as a click would, wherever the page has scrolled to.
		this.browser.findElement(By.id("code")).sendKeys(code, Keys.ENTER);
	}

	private WebDriverWait waitFor() {
		return new WebDriverWait(this.browser, Duration.ofSeconds(10));
	}

	/** The page showing the recovery codes, once. */
	static class RecoveryCodesPage {

		private final WebDriver browser;

		RecoveryCodesPage(WebDriver browser) {
			this.browser = browser;
			new WebDriverWait(browser, Duration.ofSeconds(10))
				.until(ExpectedConditions.presenceOfElementLocated(By.id("recovery-codes")));
		}

		List<String> codes() {
			return this.browser.findElements(By.cssSelector("#recovery-codes li"))
				.stream()
				.map((li) -> li.getText())
				.toList();
		}

		void continueOn() {
			this.browser.findElement(By.id("continue")).click();
		}

	}

}
