package io.leadrelay.security.signin;

import io.leadrelay.support.TestUsers;
import io.leadrelay.support.browser.BrowserTest;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.crypto.password.PasswordEncoder;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Signing in as a person would, in Chromium: a wrong password, the lockout after five,
 * the change of a generated password before anything else, and the everyday change.
 */
class SignInBrowserTests extends BrowserTest {

	static final String GENERATED = "Gx7vQ2mWp9TzK4rL";

	static final String CHOSEN = "blue kettle sings at noon";

	/**
	 * The refusal during the first lockout, a minute long, some seconds of which have
	 * gone.
	 */
	static final String LOCKED_OUT = "Too many failed sign-ins\\. Try again in (1 minute|\\d{1,2} seconds)\\.";

	@Autowired
	PasswordEncoder encoder;

	@Test
	void signsInWithTheRightPassword() {
		TestUsers.replace(this.jdbc, "marketer", "MARKETER", CHOSEN);
		signIn("marketer", CHOSEN);
		waitFor().until(ExpectedConditions.textToBe(By.tagName("h1"), "Welcome, marketer"));
	}

	@Test
	void locksAUserOutAfterFiveWrongPasswords() {
		TestUsers.replace(this.jdbc, "marketer", "MARKETER", CHOSEN);
		SignInPage page = new SignInPage(browser(), baseUrl());
		for (int i = 1; i <= 4; i++) {
			assertThat(page.submit("marketer", "wrong password " + i).error())
				.isEqualTo("The user name or password is wrong.");
		}
		assertThat(page.submit("marketer", "wrong password 5").error()).matches(LOCKED_OUT);
		// Even the right password is refused until the lockout ends.
		assertThat(page.submit("marketer", CHOSEN).error()).matches(LOCKED_OUT);
		screenshot("sign-in-locked-out");
		assertThat(this.jdbc.queryForObject(
				"SELECT COUNT(*) FROM audit_event WHERE action = 'user.locked_out' AND subject_id = 'marketer'",
				Integer.class))
			.isEqualTo(1);
	}

	@Test
	void makesAGeneratedPasswordBeChangedBeforeAnythingElse() {
		TestUsers.replaceWithGeneratedPassword(this.jdbc, "newcomer", "VIEWER", GENERATED);
		signIn("newcomer", GENERATED);
		PasswordPage page = new PasswordPage(browser()).shown();
		assertThat(page.asksForTheCurrentPassword()).isFalse();
		assertThat(page.notice()).contains("Choose your own password to continue.");
		screenshot("password-forced");
		open("/");
		page.shown();
		page.submit(null, "qwerty123456", "qwerty123456");
		assertThat(page.errorOf("password"))
			.isEqualTo("The password is one of the most common passwords; choose another.");
		screenshot("password-refused");
		page.submit(null, GENERATED, GENERATED);
		assertThat(page.errorOf("password")).isEqualTo("The new password must differ from the one you have.");
		page.submit(null, CHOSEN, CHOSEN + "!");
		assertThat(page.errorOf("confirmation")).isEqualTo("The two new passwords differ.");
		page.submit(null, CHOSEN, CHOSEN);
		waitFor().until(ExpectedConditions.textToBe(By.tagName("h1"), "Welcome, newcomer"));
		assertThat(browser().findElement(By.cssSelector("[role=status]")).getText())
			.isEqualTo("Your password is changed.");
		assertThat(this.jdbc.queryForObject("SELECT must_change_password FROM app_user WHERE username = 'newcomer'",
				Boolean.class))
			.isFalse();
		assertThat(this.jdbc.queryForObject(
				"SELECT details FROM audit_event WHERE action = 'user.password_changed' AND subject_id = 'newcomer'",
				String.class))
			.isEqualTo("{\"forced\":true}");
		browser().manage().deleteAllCookies();
		signIn("newcomer", CHOSEN);
		waitFor().until(ExpectedConditions.textToBe(By.tagName("h1"), "Welcome, newcomer"));
	}

	@Test
	void changesAPasswordWhenTheCurrentOneIsGiven() {
		TestUsers.replace(this.jdbc, "viewer", "VIEWER", GENERATED);
		signIn("viewer", GENERATED);
		open("/account/password");
		PasswordPage page = new PasswordPage(browser()).shown();
		assertThat(page.asksForTheCurrentPassword()).isTrue();
		screenshot("password-change");
		page.submit("not my password", CHOSEN, CHOSEN);
		assertThat(page.errorOf("current")).isEqualTo("This is not your current password.");
		page.submit(GENERATED, "viewer", "viewer");
		assertThat(page.errorOf("password")).isEqualTo("The password must be at least 12 characters long.");
		page.submit(GENERATED, CHOSEN, CHOSEN);
		waitFor().until(ExpectedConditions.textToBe(By.cssSelector("[role=status]"), "Your password is changed."));
		assertThat(this.encoder.matches(CHOSEN,
				this.jdbc.queryForObject("SELECT password_hash FROM app_user WHERE username = 'viewer'", String.class)))
			.isTrue();
	}

}
