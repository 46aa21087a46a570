package io.leadrelay.setup.journey;

import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.function.Supplier;

import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The mapping editor ({@code /mappings/new}, {@code /mappings/<id>/edit}), driven with
 * its pickers only. A picker that carries {@code hx-post} makes htmx render the editor's
 * body again ({@code #editor-body}): each such change waits until the old body is gone,
 * and every element is found again afterwards.
 */
public final class MappingEditor extends JourneyPage {

	public MappingEditor(WebDriver browser, WebDriverWait wait) {
		super(browser, wait);
		find(By.id("mapping-name"));
	}

	public MappingEditor id(String id) {
		return type(By.id("mapping-id"), id);
	}

	public MappingEditor name(String name) {
		return type(By.id("mapping-name"), name);
	}

	/** The destination chosen in {@code select#destination}. */
	public String destination() {
		return new Select(find(By.id("destination"))).getFirstSelectedOption().getAttribute("value");
	}

	/** Ticks a page, which shows its forms. */
	public MappingEditor page(String pageId) {
		return tick(By.cssSelector("input[name='pages'][value='" + pageId + "']"));
	}

	/** Ticks a form of a ticked page, which offers its questions to the field rows. */
	public MappingEditor form(String formId) {
		return tick(By.cssSelector("input[name='forms'][value='" + formId + "']"));
	}

	/**
	 * Fills field row {@code row} (from 0; rows are added with {@code button#add-field}
	 * as needed): the CRM field, filled from the answer to a question.
	 */
	public MappingEditor field(int row, String crmField, String question) {
		while (rows().size() <= row) {
			int before = rows().size();
			click(By.id("add-field"));
			this.wait.until((driver) -> rows().size() > before);
		}
		choose(() -> rows().get(row).findElement(By.cssSelector("select.crm-field")), crmField);
		choose(() -> rows().get(row).findElement(By.cssSelector("select.source-kind")), "answer");
		choose(() -> rows().get(row).findElement(By.cssSelector("select.source-answer")), question);
		return this;
	}

	/**
	 * Adds a change ({@code .transform}) to field row {@code row}: its name as the
	 * editor's {@code select.transform-name} offers it (trim, lower, split_name...), and
	 * its argument when it takes one (first or last for split_name).
	 */
	public MappingEditor transform(int row, String name, String argument) {
		int before = transforms(row).size();
		swapping(() -> rows().get(row).findElement(By.cssSelector("button.add-transform")), (button) -> {
			click(button);
			return true;
		});
		this.wait.until((driver) -> transforms(row).size() > before);
		choose(() -> last(transforms(row)).findElement(By.cssSelector("select.transform-name")), name);
		if (argument != null) {
			choose(() -> last(transforms(row)).findElement(By.cssSelector("[name$='argument']")), argument);
		}
		return this;
	}

	/** Waits until the live preview ({@code #preview}) shows each CRM field's value. */
	public MappingEditor waitForPreview(Map<String, String> values) {
		this.wait.until((driver) -> {
			try {
				return values.entrySet()
					.stream()
					.allMatch((value) -> driver
						.findElements(By
							.cssSelector("#preview tr[data-preview-field='" + value.getKey() + "'] .preview-value"))
						.stream()
						.anyMatch((shown) -> shown.getText().equals(value.getValue())));
			}
			catch (StaleElementReferenceException ex) {
				return false;
			}
		});
		return this;
	}

	/** The text of the preview, for a failure message. */
	public String preview() {
		return find(By.id("preview")).getText();
	}

	/**
	 * Presses {@code button#save-mapping}; the editor opens again at the saved mapping.
	 */
	public MappingEditor save(String id) {
		click(By.id("save-mapping"));
		waitForPath("/mappings/" + id + "/edit");
		return new MappingEditor(this.browser, this.wait);
	}

	private List<WebElement> rows() {
		return this.browser.findElements(By.cssSelector("#editor-body .field-row"));
	}

	private List<WebElement> transforms(int row) {
		return rows().get(row).findElements(By.cssSelector(".transform"));
	}

	private MappingEditor tick(By box) {
		swapping(() -> find(box), (element) -> {
			if (element.isSelected()) {
				return false;
			}
			click(element);
			return true;
		});
		return this;
	}

	/**
	 * Picks an option of a select (or types into an input) unless it holds that value.
	 */
	private void choose(Supplier<WebElement> field, String value) {
		this.wait.until((driver) -> {
			try {
				return field.get().isDisplayed();
			}
			catch (RuntimeException ex) {
				return false;
			}
		});
		swapping(field, (element) -> {
			if (!"select".equals(element.getTagName())) {
				element.clear();
				element.sendKeys(value);
				return false;
			}
			Select select = new Select(element);
			if (value.equals(select.getFirstSelectedOption().getAttribute("value"))) {
				return false;
			}
			select.selectByValue(value);
			return true;
		});
	}

	/**
	 * Acts on an element; when the element asks htmx to render the editor again and the
	 * action changed something, waits until the old editor body is replaced.
	 */
	private void swapping(Supplier<WebElement> find, Predicate<WebElement> changes) {
		WebElement element = find.get();
		boolean swaps = element.getAttribute("hx-post") != null;
		WebElement body = this.browser.findElement(By.id("editor-body"));
		if (changes.test(element) && swaps) {
			this.wait.until(ExpectedConditions.stalenessOf(body));
			find(By.id("editor-body"));
		}
	}

	private MappingEditor type(By field, String value) {
		WebElement input = find(field);
		input.clear();
		input.sendKeys(value);
		return this;
	}

	private static WebElement last(List<WebElement> elements) {
		return elements.get(elements.size() - 1);
	}

}
