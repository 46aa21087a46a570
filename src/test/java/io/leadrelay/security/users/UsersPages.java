package io.leadrelay.security.users;

import java.util.List;

import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Page objects for the users pages and the account page: one class per page, each waiting
 * until its page is shown before it reads or clicks.
 */
final class UsersPages {

	private UsersPages() {
	}

	/** {@code /users}. */
	record ListPage(WebDriver browser, WebDriverWait waiting) {

		ListPage {
			waiting.until(ExpectedConditions.presenceOfElementLocated(By.id("users")));
		}

		List<String> usernames() {
			return this.browser.findElements(By.cssSelector("#users tbody tr"))
				.stream()
				.map((row) -> row.getAttribute("data-username"))
				.toList();
		}

		String status(String username) {
			return this.browser.findElement(By.cssSelector("#users tr[data-username='" + username + "'] .badge"))
				.getText();
		}

		NewUserPage addUser() {
			this.browser.findElement(By.id("add-user")).click();
			return new NewUserPage(this.browser, this.waiting);
		}

	}

	/** {@code /users/new}. */
	record NewUserPage(WebDriver browser, WebDriverWait waiting) {

		NewUserPage {
			waiting.until(ExpectedConditions.presenceOfElementLocated(By.id("add-user-form")));
		}

		NewUserPage fill(String username, String role) {
			WebElement name = this.browser.findElement(By.id("username"));
			name.clear();
			name.sendKeys(username);
			this.browser.findElement(By.id("role-" + role)).click();
			return this;
		}

		UserPage submit() {
			this.browser.findElement(By.cssSelector("#add-user-form button[type=submit]")).click();
			return new UserPage(this.browser, this.waiting);
		}

		NewUserPage submitRefused() {
			this.browser.findElement(By.cssSelector("#add-user-form button[type=submit]")).click();
			this.waiting.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".invalid-feedback")));
			return new NewUserPage(this.browser, this.waiting);
		}

		String usernameError() {
			return this.browser.findElement(By.id("username-error")).getText();
		}

		String usernameDescribedBy() {
			return this.browser.findElement(By.id("username")).getAttribute("aria-describedby");
		}

	}

	/** {@code /users/{id}}. */
	record UserPage(WebDriver browser, WebDriverWait waiting) {

		UserPage {
			waiting.until(ExpectedConditions.presenceOfElementLocated(By.id("role-form")));
		}

		String username() {
			return this.browser.findElement(By.tagName("h1")).getText();
		}

		String oneTimePassword() {
			return this.browser.findElement(By.id("one-time-password")).getText();
		}

		boolean showsAOneTimePassword() {
			return !this.browser.findElements(By.id("one-time-password")).isEmpty();
		}

		String status() {
			return this.browser.findElement(By.cssSelector("dl .badge")).getText();
		}

		String flash() {
			return this.browser.findElement(By.cssSelector("[role=status].alert")).getText();
		}

		String flashError() {
			return this.browser.findElement(By.cssSelector(".alert-danger[role=alert]")).getText();
		}

		UserPage changeRole(String role) {
			new Select(this.browser.findElement(By.id("role"))).selectByValue(role);
			return submitAndReload("#role-form");
		}

		UserPage toggleEnabled() {
			return submitAndReload("#enabled-form");
		}

		UserPage resetPassword() {
			return submitAndReload("#reset-form");
		}

		UserPage reload() {
			this.browser.navigate().refresh();
			return new UserPage(this.browser, this.waiting);
		}

		private UserPage submitAndReload(String form) {
			WebElement button = this.browser.findElement(By.cssSelector(form + " button[type=submit]"));
			// Bootstrap scrolls smoothly; a click while the page still moves lands
			// elsewhere.
			((JavascriptExecutor) this.browser)
				.executeScript("arguments[0].scrollIntoView({block: 'center', behavior: 'instant'})", button);
			button.click();
			this.waiting.until(ExpectedConditions.stalenessOf(button));
			return new UserPage(this.browser, this.waiting);
		}

	}

	/** {@code /account}. */
	record AccountPage(WebDriver browser, WebDriverWait waiting) {

		AccountPage {
			waiting.until(ExpectedConditions.presenceOfElementLocated(By.id("account-facts")));
		}

		String username() {
			return this.browser.findElement(By.id("account-username")).getText();
		}

		String role() {
			return this.browser.findElement(By.id("account-role")).getText();
		}

	}

	/**
	 * {@code /account/password} (the sign-in part's page) as the first sign-in with a
	 * one-time password shows it.
	 */
	record ChangePasswordPage(WebDriver browser, WebDriverWait waiting) {

		ChangePasswordPage {
			waiting.until(ExpectedConditions.urlContains("/account/password"));
			waiting.until(ExpectedConditions.presenceOfElementLocated(By.id("confirmation")));
		}

		void choose(String password) {
			this.browser.findElement(By.id("password")).sendKeys(password);
			this.browser.findElement(By.id("confirmation")).sendKeys(password);
			this.browser.findElement(By.cssSelector("form[action$='/account/password'] button[type=submit]")).click();
			this.waiting.until(ExpectedConditions.not(ExpectedConditions.urlContains("/account/password")));
		}

	}

}
