package io.leadrelay.page.connect;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.leadrelay.page.Pages;
import io.leadrelay.support.SharedGraphApi;
import io.leadrelay.support.TestUsers;
import io.leadrelay.support.browser.BrowserTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

import static io.leadrelay.page.connect.ConnectPagesIntegrationTests.PAGE_A;
import static io.leadrelay.page.connect.ConnectPagesIntegrationTests.PAGE_B;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A marketer connects a page with Facebook Login (WireMock plays the dialog and the Graph
 * API) and sees it in the list; a viewer sees the list without the actions.
 */
@TestPropertySource(
		properties = { ConnectPagesIntegrationTests.APP_ID_PROPERTY, ConnectPagesIntegrationTests.DIALOG_PROPERTY })
class PagesBrowserTests extends BrowserTest {

	@RegisterExtension
	static WireMockExtension graph = SharedGraphApi.extension();

	@Autowired
	Pages pages;

	@Test
	void connectsAPageThroughFacebooksDialogAndListsIt() {
		ConnectPagesIntegrationTests.stubFacebook(graph);
		TestUsers.replace(this.jdbc, "mia", "MARKETER");
		signIn("mia", TestUsers.PASSWORD);
		open("/pages");
		waitFor().until(ExpectedConditions.presenceOfElementLocated(By.id("no-pages")));
		screenshot("pages-empty");

		browser().findElement(By.id("connect-facebook")).click();
		waitFor().until(ExpectedConditions.presenceOfElementLocated(By.id("connect-pages")));
		screenshot("pages-connect-choose");
		browser().findElement(By.cssSelector("input[name='pageId'][value='" + PAGE_B + "']")).click();
		browser().findElement(By.id("connect-pages")).click();

		waitFor()
			.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("tr[data-page-id='" + PAGE_A + "']")));
		assertThat(browser().findElements(By.cssSelector("tr[data-page-id]"))).hasSize(1);
		assertThat(browser().findElement(By.cssSelector("tr[data-page-id='" + PAGE_A + "'] .token-status")).getText())
			.isEqualTo("Working");
		assertThat(browser().findElement(By.cssSelector("tr[data-page-id='" + PAGE_A + "'] .token-expiry")).getText())
			.isEqualTo("never");
		assertThat(browser().findElement(By.id("page-outcomes")).getText()).contains("Acme Solar: connected");
		screenshot("pages-list");
		resize(390, 844);
		screenshot("pages-list-phone");
		resize(1280, 800);

		browser().findElement(By.cssSelector("tr[data-page-id='" + PAGE_A + "'] .disconnect")).click();
		waitFor().until(ExpectedConditions.presenceOfElementLocated(By.id("confirm-disconnect")));
		assertThat(browser().findElement(By.id("waiting-leads")).getText()).contains("None");
		screenshot("pages-disconnect");

		open("/pages/new");
		browser().findElement(By.id("page-id")).sendKeys("not-a-number");
		browser().findElement(By.id("page-name")).sendKeys("Acme Solar");
		browser().findElement(By.id("page-token")).sendKeys("EAAG-pasted");
		browser().findElement(By.id("save-page")).click();
		waitFor().until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#page-id.is-invalid")));
		assertThat(browser().findElement(By.id("page-token")).getAttribute("value")).isEmpty();
		assertThat(browser().findElement(By.cssSelector("#page-id ~ .invalid-feedback")).getText())
			.isEqualTo("The page id must be a numeric Facebook page id of 1 to 32 digits");
		screenshot("pages-paste-token-error");
	}

	@Test
	void showsViewersThePagesWithoutTheActions() {
		this.pages.create(PAGE_A, "Acme Solar", "page-token-a", "admin");
		TestUsers.replace(this.jdbc, "vic", "VIEWER");
		signIn("vic", TestUsers.PASSWORD);
		open("/pages");
		waitFor()
			.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("tr[data-page-id='" + PAGE_A + "']")));
		assertThat(browser().findElement(By.cssSelector(".token-status")).getText()).isEqualTo("Not checked yet");
		assertThat(browser()
			.findElements(By.cssSelector("#connect-facebook, #add-page-token, .disconnect, .fetch-missed"))).isEmpty();
	}

}
