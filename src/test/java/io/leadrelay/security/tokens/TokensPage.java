package io.leadrelay.security.tokens;

import java.util.List;

import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/** The page {@code /account/tokens}, as a person uses it. */
class TokensPage {

	private final WebDriver browser;

	private final WebDriverWait wait;

	TokensPage(WebDriver browser, WebDriverWait wait) {
		this.browser = browser;
		this.wait = wait;
		this.wait.until(ExpectedConditions.textToBe(By.tagName("h1"), "API tokens"));
	}

	String emptyState() {
		return this.browser.findElement(By.id("no-tokens")).getText();
	}

	/** Fills in the form and submits it; waits for the page that answers. */
	TokensPage create(String name, String expiresIn) {
		WebElement field = this.browser.findElement(By.id("token-name"));
		field.clear();
		field.sendKeys(name);
		new Select(this.browser.findElement(By.id("token-days"))).selectByVisibleText(expiresIn);
		WebElement form = this.browser.findElement(By.id("create-token-form"));
		form.findElement(By.cssSelector("button[type=submit]")).click();
		this.wait.until(ExpectedConditions.stalenessOf(form));
		return new TokensPage(this.browser, this.wait);
	}

	String newTokenSecret() {
		return this.browser.findElement(By.id("new-token-secret")).getDomAttribute("value");
	}

	/** Presses the copy button beside the new secret; the button's text afterwards. */
	String copyNewTokenSecret() {
		this.browser.findElement(By.id("copy-token")).click();
		this.wait.until(ExpectedConditions.textToBe(By.id("copy-token"), "Copied"));
		return this.browser.findElement(By.id("copy-token")).getText();
	}

	String nameError() {
		return this.browser.findElement(By.id("token-name-error")).getText();
	}

	List<String> rows() {
		return this.browser.findElements(By.cssSelector("#tokens tbody tr")).stream().map(WebElement::getText).toList();
	}

	/**
	 * Revokes the token of that name, confirming the question, and waits for the answer.
	 */
	TokensPage revoke(String name) {
		WebElement button = this.browser.findElement(By.cssSelector("button[aria-label='Revoke " + name + "']"));
		button.click();
		this.wait.until(ExpectedConditions.alertIsPresent()).accept();
		this.wait.until(ExpectedConditions.stalenessOf(button));
		return new TokensPage(this.browser, this.wait);
	}

	String flash() {
		return this.browser.findElement(By.cssSelector(".alert-success[role=status]")).getText();
	}

}
