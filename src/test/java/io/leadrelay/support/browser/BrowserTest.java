package io.leadrelay.support.browser;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;

import io.leadrelay.support.LeadRelayIntegrationTest;
import io.leadrelay.support.TableCleaner;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A test that drives the admin UI in a real headless Chromium against the whole engine.
 * One browser serves every test of the class (starting one takes a second); each test
 * starts signed out with empty tables. Page objects live beside the tests of each
 * feature; they wait on conditions ({@link #waitFor()}), never sleep.
 */
@LeadRelayIntegrationTest
public abstract class BrowserTest {

	/**
	 * Where every screenshot goes; the README shows copies from {@code docs/screens/}.
	 */
	public static final Path SCREENSHOTS = Path.of("target", "screenshots");

	private static ChromeDriver browser;

	@LocalServerPort
	private int port;

	@Autowired
	protected JdbcTemplate jdbc;

	@BeforeEach
	void openBrowser() {
		TableCleaner.deleteAll(this.jdbc);
		if (browser == null) {
			browser = Chromium.start(1280, 800);
		}
		browser.manage().deleteAllCookies();
	}

	@AfterEach
	void signOut() {
		if (browser != null) {
			browser.manage().deleteAllCookies();
		}
	}

	@AfterAll
	static void closeBrowser() {
		if (browser != null) {
			browser.quit();
			browser = null;
		}
	}

	protected WebDriver browser() {
		return browser;
	}

	protected String baseUrl() {
		return "http://localhost:" + this.port;
	}

	/** Opens a page of the engine by its path. */
	protected void open(String path) {
		browser.get(baseUrl() + path);
	}

	protected WebDriverWait waitFor() {
		return new WebDriverWait(browser, Duration.ofSeconds(10));
	}

	/**
	 * Signs in through the sign-in page and waits until the browser has left it (for the
	 * home page, or the first sign-in step).
	 */
	protected void signIn(String username, String password) {
		open("/login");
		browser.findElement(By.id("username")).sendKeys(username);
		browser.findElement(By.id("password")).sendKeys(password);
		browser.findElement(By.cssSelector("#sign-in-form button[type=submit]")).click();
		waitFor().until(ExpectedConditions.not(ExpectedConditions.urlContains("/login?")));
		waitFor().until((driver) -> !driver.getCurrentUrl().endsWith("/login"));
	}

	/** Saves what the browser shows as {@code target/screenshots/<name>.png}. */
	protected Path screenshot(String name) {
		try {
			Files.createDirectories(SCREENSHOTS);
			Path target = SCREENSHOTS.resolve(name + ".png");
			Files.copy(browser.getScreenshotAs(OutputType.FILE).toPath(), target, StandardCopyOption.REPLACE_EXISTING);
			return target;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** Resizes the browser, as to a phone (390x844) or back to a laptop (1280x800). */
	protected void resize(int width, int height) {
		browser.manage().window().setSize(new org.openqa.selenium.Dimension(width, height));
	}

}
