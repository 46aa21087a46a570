package io.leadrelay.web;

import io.leadrelay.support.LeadRelayIntegrationTest;
import io.leadrelay.support.browser.BrowserTest;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The shell every page sits in: sign-in, the home page (the dashboard), navigation,
 * signing out.
 */
class ShellBrowserTests extends BrowserTest {

	@Test
	void sendsVisitorsToTheSignInPageAndBackToWhatTheyAskedFor() {
		open("/account");
		waitFor().until(ExpectedConditions.urlContains("/login"));
		assertThat(browser().findElement(By.tagName("h1")).getText()).isEqualTo("Sign in to LeadRelay");
		assertThat(browser().findElement(By.cssSelector("label[for=username]")).getText()).isEqualTo("User name");
		screenshot("sign-in");
		browser().findElement(By.id("username")).sendKeys("admin");
		browser().findElement(By.id("password")).sendKeys(LeadRelayIntegrationTest.ADMIN_PASSWORD);
		browser().findElement(By.cssSelector("#sign-in-form button[type=submit]")).click();
		waitFor().until(ExpectedConditions.urlContains("/account"));
	}

	@Test
	void showsTheHomePageAndSignsOut() {
		signIn("admin", LeadRelayIntegrationTest.ADMIN_PASSWORD);
		assertThat(browser().findElement(By.tagName("h1")).getText()).isEqualTo("Welcome, admin");
		assertThat(browser().findElement(By.cssSelector("main")).getText())
			.contains("Are your leads arriving, and is anything waiting for you to fix?");
		assertThat(browser().findElement(By.cssSelector("nav a.active")).getText()).isEqualTo("Dashboard");
		screenshot("home");
		resize(390, 844);
		screenshot("home-phone");
		resize(1280, 800);
		browser().findElement(By.id("account-menu")).click();
		waitFor().until(ExpectedConditions.elementToBeClickable(By.id("sign-out"))).click();
		waitFor().until(ExpectedConditions.urlContains("/login?signedOut"));
		assertThat(browser().findElement(By.cssSelector("[role=status]")).getText()).isEqualTo("You are signed out.");
		open("/");
		waitFor().until(ExpectedConditions.urlContains("/login"));
	}

	@Test
	void saysWhenThePasswordIsWrong() {
		open("/login");
		browser().findElement(By.id("username")).sendKeys("admin");
		browser().findElement(By.id("password")).sendKeys("not-the-password");
		browser().findElement(By.cssSelector("#sign-in-form button[type=submit]")).click();
		waitFor().until(ExpectedConditions.urlContains("/login?error"));
		assertThat(browser().findElement(By.id("sign-in-error")).getText())
			.isEqualTo("The user name or password is wrong.");
		screenshot("sign-in-wrong-password");
	}

}
