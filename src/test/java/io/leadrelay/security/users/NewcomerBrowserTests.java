package io.leadrelay.security.users;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import io.leadrelay.support.browser.BrowserTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

import static io.leadrelay.support.LeadRelayIntegrationTest.ADMIN_PASSWORD;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The first minutes of a new installation, as issue 13 asks them to go: open the engine,
 * sign in with the generated password, choose one's own, add a colleague as a viewer, and
 * create an API token that a script then uses.
 */
class NewcomerBrowserTests extends BrowserTest {

	private static final String OWN_PASSWORD = "the newcomer's own password";

	@AfterEach
	void restoreTheAdminsPassword() {
		this.jdbc.update("UPDATE app_user SET password_hash = ?, must_change_password = FALSE WHERE username = 'admin'",
				new BCryptPasswordEncoder().encode(ADMIN_PASSWORD));
	}

	@Test
	void signsInChangesTheGeneratedPasswordAddsAViewerAndCreatesATokenForAScript() throws Exception {
		// As at a first start without a configured password: the generated one must go.
		this.jdbc.update("UPDATE app_user SET must_change_password = TRUE WHERE username = 'admin'");

		open("/");
		waitFor().until(ExpectedConditions.urlContains("/login"));
		signIn("admin", ADMIN_PASSWORD);
		UsersPages.ChangePasswordPage change = new UsersPages.ChangePasswordPage(browser(), waitFor());
		screenshot("newcomer-1-change-generated-password");
		open("/users");
		waitFor().until(ExpectedConditions.urlContains("/account/password"));
		change = new UsersPages.ChangePasswordPage(browser(), waitFor());
		change.choose(OWN_PASSWORD);
		assertThat(browser().findElement(By.tagName("h1")).getText()).isEqualTo("Welcome, admin");

		open("/users");
		UsersPages.UserPage vera = new UsersPages.ListPage(browser(), waitFor()).addUser()
			.fill("vera", "viewer")
			.submit();
		assertThat(vera.flash()).isEqualTo("Added vera.");
		screenshot("newcomer-2-colleague-added");

		open("/account/tokens");
		WebElement form = browser().findElement(By.id("create-token-form"));
		browser().findElement(By.id("token-name")).sendKeys("nightly export");
		form.findElement(By.cssSelector("button[type=submit]")).click();
		waitFor().until(ExpectedConditions.presenceOfElementLocated(By.id("new-token-secret")));
		String token = browser().findElement(By.id("new-token-secret")).getDomAttribute("value");
		screenshot("newcomer-3-token-created");

		HttpResponse<String> leads = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create(baseUrl() + "/api/v1/leads"))
				.header("Authorization", "Bearer " + token)
				.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(leads.statusCode()).isEqualTo(200);
		assertThat(leads.body()).contains("\"items\":[]");
		assertThat(this.jdbc.queryForObject("SELECT role FROM app_user WHERE username = 'vera'", String.class))
			.isEqualTo("VIEWER");
	}

}
