package io.leadrelay.setup.journey;

import java.util.Optional;

import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/** The dashboard's "Finish setting up" banner, shown while setup steps remain. */
public final class DashboardBanner {

	private final WebDriver browser;

	public DashboardBanner(WebDriver browser, WebDriverWait wait) {
		this.browser = browser;
		wait.until(ExpectedConditions.presenceOfElementLocated(By.id("dashboard-widgets")));
	}

	/** The banner's headline, when it shows. */
	public Optional<String> text() {
		return this.browser.findElements(By.cssSelector("#setup-banner strong"))
			.stream()
			.findFirst()
			.map(WebElement::getText);
	}

	/** Follows {@code a#start-setup} to the setup guide. */
	public void startSetup() {
		this.browser.findElement(By.id("start-setup")).click();
	}

}
