package io.leadrelay.metadeletion;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.leadrelay.support.SharedGraphApi;
import io.leadrelay.support.browser.BrowserTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The status page Meta links a person to, as that person sees it: signed out, on a laptop
 * and on a phone; and the page for a code that does not exist.
 */
class DeletionStatusBrowserTests extends BrowserTest {

	@RegisterExtension
	static WireMockExtension graph = SharedGraphApi.extension();

	@Autowired
	MetaDataDeletions deletions;

	@Test
	void anAnonymousVisitorReadsWhatWasDeletedForTheirPage() {
		this.jdbc.update("""
				INSERT INTO page (page_id, name, token_ciphertext, token_status, created_at, updated_at)
				VALUES ('100200300400999', 'Acme', 'v1:x:y', 'valid', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)""");
		String page = this.deletions.carryOut(new SignedRequest("0", "100200300400999")).confirmationCode();
		String person = this.deletions.carryOut(new SignedRequest("218471", null)).confirmationCode();

		open("/privacy/deletions/" + page);
		assertThat(browser().findElement(By.tagName("h1")).getText()).isEqualTo("Your data deletion request");
		assertThat(browser().findElement(By.tagName("main")).getText()).contains(page, "Completed",
				"The connection to the Facebook Page that removed this app, and the Page's access token");
		assertThat(browser().findElements(By.id("navigation"))).isEmpty();
		screenshot("meta-deletion-status-page");
		resize(390, 844);
		screenshot("meta-deletion-status-page-phone");
		resize(1280, 800);

		open("/privacy/deletions/" + person);
		assertThat(browser().findElement(By.tagName("main")).getText())
			.contains("LeadRelay stores no data about the people who sign in with Facebook");
		screenshot("meta-deletion-status-person");

		open("/privacy/deletions/NOSUCHCODE1234");
		assertThat(browser().findElement(By.tagName("h1")).getText()).isEqualTo("Deletion request not found");
		screenshot("meta-deletion-status-unknown");
	}

}
