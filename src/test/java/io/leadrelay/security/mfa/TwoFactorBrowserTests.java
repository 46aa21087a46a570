package io.leadrelay.security.mfa;

import java.time.Instant;
import java.util.List;

import io.leadrelay.support.TestUsers;
import io.leadrelay.security.mfa.TwoFactorPage.RecoveryCodesPage;
import io.leadrelay.support.browser.BrowserTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;

import static org.assertj.core.api.Assertions.assertThat;

/** Two-factor sign-in as a user meets it: turning it on, then signing in with a code. */
class TwoFactorBrowserTests extends BrowserTest {

	static final String PASSWORD = "mara-password-2026";

	@BeforeEach
	void createMarketer() {
		TestUsers.replace(this.jdbc, "mara", "MARKETER", PASSWORD);
	}

	@Test
	void enrolsThenSignsInWithACodeFromTheApp() {
		signIn("mara", PASSWORD);
		open("/account/two-factor");
		TwoFactorPage page = new TwoFactorPage(browser());
		assertThat(page.isOn()).isFalse();
		assertThat(page.showsQrCode()).isTrue();
		String secret = page.secret();
		screenshot("two-factor-enrol");
		assertThat(page.confirmRefused("000000")).startsWith("That code is not right.");
		assertThat(new TwoFactorPage(browser()).secret()).as("the same secret after a wrong code").isEqualTo(secret);
		String enrolmentCode = code(secret, 0);
		RecoveryCodesPage recovery = new TwoFactorPage(browser()).confirm(enrolmentCode);
		assertThat(recovery.codes()).hasSize(10).allMatch((code) -> code.matches("[a-z2-7]{4}(-[a-z2-7]{4}){2}"));
		screenshot("two-factor-recovery-codes");
		recovery.continueOn();
		assertThat(new TwoFactorPage(browser()).isOn()).isTrue();
		screenshot("two-factor-on");

		signOut();
		signIn("mara", PASSWORD);
		TwoFactorSignInPage secondStep = new TwoFactorSignInPage(browser());
		screenshot("two-factor-sign-in");
		resize(390, 844);
		screenshot("two-factor-sign-in-phone");
		resize(1280, 800);
		assertThat(secondStep.signInRefused(enrolmentCode)).as("a code used once already")
			.startsWith("That code is not right.");
		screenshot("two-factor-sign-in-wrong-code");
		secondStep.signIn(code(secret, 1));
		assertThat(browser().findElement(By.tagName("h1")).getText()).isEqualTo("Welcome, mara");
	}

	@Test
	void signsInOnceWithEachRecoveryCode() {
		signIn("mara", PASSWORD);
		open("/account/two-factor");
		String secret = new TwoFactorPage(browser()).secret();
		List<String> codes = new TwoFactorPage(browser()).confirm(code(secret, 0)).codes();
		signOut();
		signIn("mara", PASSWORD);
		new TwoFactorSignInPage(browser()).signIn(codes.get(0));
		assertThat(browser().findElement(By.cssSelector("[role=status]")).getText())
			.startsWith("Signed in with a recovery code; 9 left.");
		signOut();
		signIn("mara", PASSWORD);
		assertThat(new TwoFactorSignInPage(browser()).signInRefused(codes.get(0)))
			.startsWith("That code is not right.");
	}

	@Test
	void turnsOffWithACode() {
		signIn("mara", PASSWORD);
		open("/account/two-factor");
		String secret = new TwoFactorPage(browser()).secret();
		new TwoFactorPage(browser()).confirm(code(secret, 0)).continueOn();
		new TwoFactorPage(browser());
		browser().findElement(By.id("disable-code")).sendKeys(code(secret, 1));
		browser().findElement(By.cssSelector("form[action$='/disable'] button[type=submit]")).click();
		waitFor().until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("[role=status]"),
				"Two-factor sign-in is off."));
		assertThat(new TwoFactorPage(browser()).isOn()).isFalse();
		signOut();
		signIn("mara", PASSWORD);
		assertThat(browser().getCurrentUrl()).isEqualTo(baseUrl() + "/");
	}

	/** Signs out through the account menu. */
	private void signOut() {
		open("/");
		browser().findElement(By.id("account-menu")).click();
		waitFor().until(ExpectedConditions.elementToBeClickable(By.id("sign-out"))).click();
		waitFor().until(ExpectedConditions.urlContains("/login?signedOut"));
	}

	/** What the authenticator app shows now, or {@code steps} steps later. */
	static String code(String secret, int steps) {
		return Totp.code(Base32.decode(secret), Totp.step(Instant.now()) + steps);
	}

}
