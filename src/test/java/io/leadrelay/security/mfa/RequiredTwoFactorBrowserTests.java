package io.leadrelay.security.mfa;

import io.leadrelay.support.LeadRelayIntegrationTest;
import io.leadrelay.support.browser.BrowserTest;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * With leadrelay.security.require-mfa-for-admins on, an admin cannot go on without it.
 */
@TestPropertySource(properties = "leadrelay.security.require-mfa-for-admins=true")
class RequiredTwoFactorBrowserTests extends BrowserTest {

	@Test
	void sendsAnAdminWithoutTwoFactorToEnrolBeforeAnythingElse() {
		signIn("admin", LeadRelayIntegrationTest.ADMIN_PASSWORD);
		TwoFactorPage page = new TwoFactorPage(browser());
		assertThat(page.warning()).contains("Admins must use two-factor sign-in here");
		screenshot("two-factor-required");
		open("/");
		String secret = new TwoFactorPage(browser()).secret();
		new TwoFactorPage(browser()).confirm(TwoFactorBrowserTests.code(secret, 0)).continueOn();
		waitFor().until((driver) -> driver.getCurrentUrl().equals(baseUrl() + "/"));
		assertThat(browser().findElement(By.tagName("h1")).getText()).isEqualTo("Welcome, admin");
		open("/account/two-factor");
		assertThat(new TwoFactorPage(browser()).isOn()).isTrue();
		assertThat(browser().findElements(By.id("disable-code"))).as("no way to turn it off").isEmpty();
	}

}
