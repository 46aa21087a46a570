package io.leadrelay.setup.journey;

import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The connected pages ({@code /pages}): connect with Facebook, each page's token status.
 */
public final class PagesPage extends JourneyPage {

	public PagesPage(WebDriver browser, WebDriverWait wait) {
		super(browser, wait);
		waitForPath("/pages");
		find(By.id("connect-facebook"));
	}

	/**
	 * Follows {@code a#connect-facebook}: Facebook's dialog (WireMock in tests) sends the
	 * browser back to the callback, which shows the pages to choose.
	 */
	public ChoosePagesPage connectWithFacebook() {
		click(By.id("connect-facebook"));
		return new ChoosePagesPage(this.browser, this.wait);
	}

	/** The token status cell of the page's row, in words ("Working"). */
	public String tokenStatus(String pageId) {
		return find(By.cssSelector("tr[data-page-id='" + pageId + "'] .token-status")).getText();
	}

}
