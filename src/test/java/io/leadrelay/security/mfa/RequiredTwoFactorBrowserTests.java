package io.leadrelay.security.mfa;

import io.leadrelay.support.LeadRelayIntegrationTest;
import io.leadrelay.support.browser.BrowserTest;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.support.ui.ExpectedConditions;

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
		postTurnOff(TwoFactorBrowserTests.code(secret, 1));
		waitFor().until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("[role=alert]")));
		assertThat(browser().findElement(By.cssSelector("[role=alert]")).getText())
			.isEqualTo("Admins must keep two-factor sign-in on (leadrelay.security.require-mfa-for-admins).");
		assertThat(new TwoFactorPage(browser()).isOn()).isTrue();
	}

	/** Posts the turn-off form the page does not show, as a hand-made request would. */
	private void postTurnOff(String code) {
		((JavascriptExecutor) browser()).executeScript("""
				const form = document.createElement('form');
				form.method = 'post';
				form.action = '/account/two-factor/disable';
				for (const [name, value] of [['code', arguments[0]],
						['_csrf', document.querySelector('meta[name=_csrf]').content]]) {
					const input = document.createElement('input');
					input.type = 'hidden';
					input.name = name;
					input.value = value;
					form.appendChild(input);
				}
				document.body.appendChild(form);
				form.submit();""", code);
	}

}
