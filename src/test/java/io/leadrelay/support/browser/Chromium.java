package io.leadrelay.support.browser;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.openqa.selenium.Dimension;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Starts the Chromium and chromedriver that Debian's {@code chromium} and
 * {@code chromium-driver} packages install ({@code .ci/run} installs them when missing).
 * Nothing is downloaded: Selenium Manager is not asked, the paths are given.
 */
final class Chromium {

	private static final List<String> BROWSERS = List.of("/usr/bin/chromium", "/usr/bin/chromium-browser");

	private static final List<String> DRIVERS = List.of("/usr/bin/chromedriver", "/usr/lib/chromium/chromedriver");

	private Chromium() {
	}

	static ChromeDriver start(int width, int height) {
		ChromeOptions options = new ChromeOptions();
		options.setBinary(find(BROWSERS, "leadrelay.chromium", "Chromium (apt-get install -y chromium)"));
		options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
				"--window-size=" + width + "," + height, "--lang=en-US");
		ChromeDriverService service = new ChromeDriverService.Builder()
			.usingDriverExecutable(Path
				.of(find(DRIVERS, "leadrelay.chromedriver", "chromedriver (apt-get install -y chromium-driver)"))
				.toFile())
			.usingAnyFreePort()
			.build();
		ChromeDriver driver = new ChromeDriver(service, options);
		driver.manage().window().setSize(new Dimension(width, height));
		driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
		return driver;
	}

	private static String find(List<String> candidates, String property, String what) {
		String configured = System.getProperty(property);
		if (configured != null) {
			return configured;
		}
		return candidates.stream()
			.filter((candidate) -> Files.isExecutable(Path.of(candidate)))
			.findFirst()
			.orElseThrow(() -> new IllegalStateException("The browser tests need " + what + "; none of " + candidates
					+ " exists (or set -D" + property + "=<path>)"));
	}

}
