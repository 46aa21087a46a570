package io.leadrelay.security.users;

import io.leadrelay.security.Role;
import io.leadrelay.support.LeadRelayIntegrationTest;
import io.leadrelay.support.browser.BrowserTest;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The users pages in Chromium: an admin adds a marketer, who signs in with the one-time
 * password and chooses their own; a marketer is refused the users page; the last admin
 * stays an admin.
 */
class UsersBrowserTests extends BrowserTest {

	static final String ADMIN_PASSWORD = LeadRelayIntegrationTest.ADMIN_PASSWORD;

	@Autowired
	Users users;

	@Test
	void anAdminAddsAMarketerWhoSignsInAndChoosesAPassword() {
		signIn("admin", ADMIN_PASSWORD);
		open("/users");
		UsersPages.ListPage list = new UsersPages.ListPage(browser(), waitFor());
		assertThat(list.usernames()).containsExactly("admin");
		assertThat(browser().findElement(By.id("only-you")).getText()).contains("Add a colleague");
		screenshot("users-list-only-admin");

		UsersPages.NewUserPage form = list.addUser().fill("mia", "marketer");
		assertThat(browser().findElement(By.cssSelector("label[for=role-viewer]")).getText())
			.isEqualTo("Viewer: reads everything but a lead's personal data");
		screenshot("users-new");
		UsersPages.UserPage mia = form.submit();
		assertThat(mia.username()).isEqualTo("mia");
		assertThat(mia.flash()).isEqualTo("Added mia.");
		assertThat(mia.status()).isEqualTo("Waiting for first sign-in");
		String oneTimePassword = mia.oneTimePassword();
		assertThat(oneTimePassword).matches(UsersApiIntegrationTests.ONE_TIME_PASSWORD);
		screenshot("users-added-one-time-password");
		assertThat(mia.reload().showsAOneTimePassword()).as("shown once").isFalse();

		open("/users");
		list = new UsersPages.ListPage(browser(), waitFor());
		assertThat(list.usernames()).containsExactly("admin", "mia");
		screenshot("users-list");

		browser().manage().deleteAllCookies();
		signIn("mia", oneTimePassword);
		new UsersPages.ChangePasswordPage(browser(), waitFor()).choose("mia's own long password");
		assertThat(browser().findElement(By.tagName("h1")).getText()).isEqualTo("Welcome, mia");
		assertThat(browser().findElements(By.cssSelector("nav a[href='/users']"))).isEmpty();
		open("/account");
		UsersPages.AccountPage account = new UsersPages.AccountPage(browser(), waitFor());
		assertThat(account.username()).isEqualTo("mia");
		assertThat(account.role()).isEqualTo("Marketer");
		assertThat(browser().findElement(By.id("account-role")).findElement(By.xpath("..")).getText())
			.isEqualTo("Marketer: pages, destinations, mappings, replays and test leads; sees lead answers");
		screenshot("account");
		assertThat(this.jdbc.queryForObject("SELECT must_change_password FROM app_user WHERE username = 'mia'",
				Boolean.class))
			.isFalse();
	}

	@Test
	void refusesAMarketerTheUsersPage() {
		marketer("mark", "mark's own long password");
		signIn("mark", "mark's own long password");
		assertThat(browser().findElements(By.cssSelector("nav a[href='/users']"))).isEmpty();
		open("/users");
		waitFor().until(ExpectedConditions.presenceOfElementLocated(By.tagName("h1")));
		assertThat(browser().findElement(By.tagName("h1")).getText()).isNotEqualTo("Users");
		assertThat(browser().findElements(By.id("users"))).isEmpty();
		screenshot("users-refused-marketer");
		open("/users/new");
		waitFor().until(ExpectedConditions.presenceOfElementLocated(By.tagName("h1")));
		assertThat(browser().findElements(By.id("add-user-form"))).isEmpty();
	}

	@Test
	void keepsTheLastAdminAndSaysWhy() {
		long admin = this.jdbc.queryForObject("SELECT id FROM app_user WHERE username = 'admin'", Long.class);
		signIn("admin", ADMIN_PASSWORD);
		open("/users/" + admin);
		UsersPages.UserPage page = new UsersPages.UserPage(browser(), waitFor()).changeRole("VIEWER");
		assertThat(page.flashError()).isEqualTo("admin is the last enabled admin: make another user an admin first");
		screenshot("users-last-admin");
		assertThat(this.jdbc.queryForObject("SELECT role FROM app_user WHERE id = ?", String.class, admin))
			.isEqualTo("ADMIN");
	}

	@Test
	void disablesEnablesAndResetsAUser() {
		long mark = marketer("mark", "mark's own long password");
		signIn("admin", ADMIN_PASSWORD);
		open("/users/" + mark);
		UsersPages.UserPage page = new UsersPages.UserPage(browser(), waitFor()).toggleEnabled();
		assertThat(page.flash()).isEqualTo("mark can no longer sign in.");
		assertThat(page.status()).isEqualTo("Disabled");
		screenshot("users-disabled");
		page = page.toggleEnabled();
		assertThat(page.status()).isEqualTo("Active");
		page = page.resetPassword();
		assertThat(page.oneTimePassword()).matches(UsersApiIntegrationTests.ONE_TIME_PASSWORD);
		assertThat(page.status()).isEqualTo("Waiting for first sign-in");
		page = page.changeRole("VIEWER");
		assertThat(page.flash()).isEqualTo("mark is now viewer.");
	}

	@Test
	void saysBesideTheFieldWhatIsWrongWithAUsername() {
		signIn("admin", ADMIN_PASSWORD);
		open("/users/new");
		UsersPages.NewUserPage form = new UsersPages.NewUserPage(browser(), waitFor()).fill("Mia Smith", "viewer")
			.submitRefused();
		assertThat(form.usernameError()).startsWith("username must be 3 to 64 characters: lower-case letters");
		assertThat(form.usernameDescribedBy()).contains("username-error");
		screenshot("users-new-error");
		resize(390, 844);
		screenshot("users-new-error-phone");
		resize(1280, 800);
	}

	private long marketer(String username, String password) {
		long id = this.users.create(username, Role.MARKETER, password, "admin").user().id();
		this.jdbc.update("UPDATE app_user SET must_change_password = FALSE WHERE id = ?", id);
		return id;
	}

}
