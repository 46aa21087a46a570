package io.leadrelay.setup.journey;

import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The pages the Facebook user manages ({@code /pages/connect/choose}), after the dialog:
 * one checkbox each, connected together.
 */
public final class ChoosePagesPage extends JourneyPage {

	ChoosePagesPage(WebDriver browser, WebDriverWait wait) {
		super(browser, wait);
		waitForPath("/pages/connect/choose");
		find(By.id("connect-pages"));
	}

	/** Ticks the page (when it is not ticked already). */
	public ChoosePagesPage choose(String pageId) {
		WebElement box = find(By.cssSelector("input[name='pageId'][value='" + pageId + "']"));
		if (!box.isSelected()) {
			click(box);
		}
		return this;
	}

	/** Presses {@code button#connect-pages}, which ends on the pages list. */
	public PagesPage connect() {
		click(By.id("connect-pages"));
		return new PagesPage(this.browser, this.wait);
	}

}
