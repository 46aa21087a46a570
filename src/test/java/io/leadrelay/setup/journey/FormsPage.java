package io.leadrelay.setup.journey;

import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/** A page's lead forms ({@code /forms?page=<pageId>}), with their questions. */
public final class FormsPage extends JourneyPage {

	public FormsPage(WebDriver browser, WebDriverWait wait) {
		super(browser, wait);
		waitForPath("/forms");
	}

	/** The form's row as text (name, questions), once the list shows it. */
	public String form(String formId) {
		return find(By.cssSelector("tr[data-form-id='" + formId + "']")).getText();
	}

}
