package io.leadrelay.mapping.web;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import io.leadrelay.destination.CrmField;
import io.leadrelay.destination.CrmFields;
import io.leadrelay.destination.Destinations;
import io.leadrelay.destination.NewDestination;
import io.leadrelay.form.LeadForm;
import io.leadrelay.form.LeadForms;
import io.leadrelay.page.Pages;
import io.leadrelay.support.LeadRelayIntegrationTest;
import io.leadrelay.support.browser.BrowserTest;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A marketer maps a form to HubSpot with pickers only: no YAML typed. The preview follows
 * every change; the saved mapping opens again as it was built.
 */
class MappingEditorBrowserTests extends BrowserTest {

	static final String PAGE = "100200300400500";

	static final String FORM = "700000000000011";

	@Autowired
	Destinations destinations;

	@Autowired
	CrmFields crmFields;

	@Autowired
	Pages pages;

	@Autowired
	LeadForms forms;

	@Test
	void aMarketerBuildsAMappingWithPickersSeesThePreviewSavesAndReopensIt() {
		aHubSpotDestinationAPageAndAForm();
		signIn("admin", LeadRelayIntegrationTest.ADMIN_PASSWORD);
		resize(1280, 800);
		open("/mappings/new?destination=hubspot-main");
		watchHtmx();
		assertThat(find("#required-unmapped").getText()).contains("Email");
		screenshot("mapping-editor-1-new");
		theFormIsBuiltWithPickers();
		click("#save-mapping");
		theSavedMappingOpensAsItWasBuilt();
		onAPhone();
	}

	private void theFormIsBuiltWithPickers() {
		find("#mapping-name").sendKeys("Solar quotes to HubSpot");
		assertThat(find("#mapping-id").getAttribute("value")).isEqualTo("solar-quotes-to-hubspot");
		click("input[name='pages'][value='" + PAGE + "']");
		click("input[name='forms'][value='" + FORM + "']");
		fillRow(0, "email", "email");
		click("#field-row-0 .add-transform");
		choose("#fields-0-t0-name", "lower");
		assertThat(browser().findElements(By.cssSelector(".required-unmapped"))).isEmpty();

		click("#add-field");
		waitFor().until(ExpectedConditions.presenceOfElementLocated(By.id("field-row-1")));
		fillRow(1, "phone", "phone_number");
		click("#field-row-1 .add-transform");
		choose("#fields-1-t0-name", "e164");
		waitFor().until(ExpectedConditions.textToBePresentInElementLocated(By.id("row-problem-1"),
				"it needs a default region"));
		assertThat(find("#preview").getText()).contains("Not ready to preview");
		screenshot("mapping-editor-2-problem-at-its-row");
		type("#fields-1-t0-argument", "DE");
		waitForPreview("phone", "+4915123456789");
		waitForPreview("email", "ana.lopez@example.com");

		click("#add-rule");
		choose("#rule-0-field", "country");
		choose("#rule-0-operator", "in");
		type("#rule-0-value", "DE, AT");
		settle();
		waitFor()
			.until(ExpectedConditions.textToBePresentInElementLocated(By.id("preview"), "does not meet the condition"));
		assertThat(find("#preview").getText()).contains("made-up sample lead").contains("Not taken");
		screenshot("mapping-editor-3-built");
	}

	private void theSavedMappingOpensAsItWasBuilt() {
		waitFor().until(ExpectedConditions.urlContains("/mappings/solar-quotes-to-hubspot/edit"));
		assertThat(find(".alert-success").getText()).isEqualTo("Saved as version 1.");
		screenshot("mapping-editor-4-saved");
		browser().navigate().refresh();
		watchHtmx();
		assertThat(new Select(find("#fields-0-target")).getFirstSelectedOption().getAttribute("value"))
			.isEqualTo("email");
		assertThat(new Select(find("#fields-1-answer")).getFirstSelectedOption().getAttribute("value"))
			.isEqualTo("phone_number");
		assertThat(find("#fields-1-t0-argument").getAttribute("value")).isEqualTo("DE");
		assertThat(find("input[name='forms'][value='" + FORM + "']").isSelected()).isTrue();
		assertThat(find("#rule-0-value").getAttribute("value")).isEqualTo("DE, AT");
		assertThat(find("#tab-visual").getAttribute("class")).contains("active");
		screenshot("mapping-editor-5-reopened");
	}

	private void onAPhone() {
		resize(390, 844);
		screenshot("mapping-editor-6-phone");
		((JavascriptExecutor) browser()).executeScript(
				"document.getElementById('field-rows').scrollIntoView({block: 'start', behavior: 'instant'});");
		screenshot("mapping-editor-7-phone-fields");
		((JavascriptExecutor) browser())
			.executeScript("document.getElementById('preview').scrollIntoView({block: 'start', behavior: 'instant'});");
		screenshot("mapping-editor-8-phone-preview");
		resize(1280, 800);
	}

	private void aHubSpotDestinationAPageAndAForm() {
		this.destinations.create(
				new NewDestination("hubspot-main", "HubSpot (sales team)", "hubspot",
						Map.of("baseUrl", "http://localhost:9"), Map.of("accessToken", "pat-test-token"), true),
				"test");
		this.crmFields.replace("hubspot-main",
				List.of(new CrmField("email", "Email", "string", true, false, List.of()),
						new CrmField("firstname", "First name", "string", false, false, List.of()),
						new CrmField("phone", "Phone number", "string", false, false, List.of()), new CrmField(
								"hs_lead_status", "Lead status", "enumeration", false, false, List.of("NEW", "OPEN"))),
				Instant.now());
		this.pages.create(PAGE, "Acme Solar", "EAAG-1", "test");
		this.forms.replaceForPage(PAGE, List.of(new LeadForm(FORM, PAGE, "Solar quote request", "ACTIVE", "en_US",
				List.of(new LeadForm.Question("email", "Email", "EMAIL"),
						new LeadForm.Question("full_name", "Full name", "FULL_NAME"),
						new LeadForm.Question("phone_number", "Phone number", "PHONE"),
						new LeadForm.Question("country", "Which country do you live in?", "CUSTOM")),
				Instant.now())), Instant.now());
	}

	private void fillRow(int row, String crmField, String answer) {
		choose("#fields-" + row + "-target", crmField);
		choose("#fields-" + row + "-answer", answer);
	}

	private void waitForPreview(String field, String text) {
		waitFor()
			.until((driver) -> driver.findElements(By.cssSelector("#preview tr[data-preview-field='" + field + "']"))
				.stream()
				.anyMatch((row) -> row.getText().contains(text)));
	}

	private WebElement find(String css) {
		settle();
		return waitFor().until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(css)));
	}

	/**
	 * Leaves the field being typed in first (its change updates the preview), then
	 * clicks.
	 */
	private void click(String css) {
		((JavascriptExecutor) browser()).executeScript("if (document.activeElement) document.activeElement.blur();");
		WebElement element = find(css);
		((JavascriptExecutor) browser())
			.executeScript("arguments[0].scrollIntoView({block: 'center', behavior: 'instant'});", element);
		element.click();
		settle();
	}

	private void choose(String css, String value) {
		new Select(find(css)).selectByValue(value);
		settle();
	}

	private void type(String css, String text) {
		WebElement input = find(css);
		input.clear();
		input.sendKeys(text);
	}

	/** Counts htmx requests in flight, so that a step waits for the form drawn again. */
	private void watchHtmx() {
		((JavascriptExecutor) browser()).executeScript(
				"""
						window.editorPending = new Set();
						document.body.addEventListener('htmx:beforeRequest', function (e) { window.editorPending.add(e.detail.xhr); });
						document.body.addEventListener('htmx:afterRequest', function (e) { window.editorPending.delete(e.detail.xhr); });""");
	}

	private void settle() {
		waitFor().until((driver) -> Boolean.TRUE.equals(((JavascriptExecutor) driver).executeScript(
				"return (!window.editorPending || window.editorPending.size === 0) && !document.querySelector('.htmx-request, .htmx-swapping, .htmx-settling');")));
	}

}
