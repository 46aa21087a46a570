package io.leadrelay.setup.journey;

import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/** A destination ({@code /destinations/<id>}): its settings and the CRM's own fields. */
public final class DestinationPage extends JourneyPage {

	public DestinationPage(WebDriver browser, WebDriverWait wait, String id) {
		super(browser, wait);
		waitForPath("/destinations/" + id);
	}

	/**
	 * The CRM field's row in {@code div#crm-fields} as text (label, type, "required"),
	 * once the fragment has loaded; the row is scrolled into view.
	 */
	public String crmField(String name) {
		return show(find(By.cssSelector("#crm-fields tr[data-field='" + name + "']"))).getText();
	}

}
