package io.leadrelay.audit.web;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import io.leadrelay.audit.AuditDetails;
import io.leadrelay.audit.AuditEntry;
import io.leadrelay.audit.AuditLog;
import io.leadrelay.support.LeadRelayIntegrationTest;
import io.leadrelay.support.TestUsers;
import io.leadrelay.support.browser.BrowserTest;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The audit log in Chromium: an admin filters it by user and action, pages back, and
 * verifies the chain before and after a row is edited straight in the database; a
 * marketer is refused it.
 */
class AuditBrowserTests extends BrowserTest {

	@Autowired
	AuditLog log;

	@Test
	void anAdminFiltersAndPagesTheLog() {
		long roleChanged = seed();
		signIn("admin", LeadRelayIntegrationTest.ADMIN_PASSWORD);
		open("/audit");
		AuditPages.ListPage page = new AuditPages.ListPage(browser(), waitFor());
		assertThat(page.rows()).hasSize(50);
		assertThat(page.column("actor").subList(0, 3)).containsExactly("mia", "admin", "admin");
		assertThat(page.row(roleChanged)).contains("admin")
			.contains("changed the role")
			.contains("user.role_changed")
			.contains("mia")
			.contains("from: VIEWER, to: MARKETER");
		assertThat(browser().findElement(By.cssSelector("nav .nav-link.active")).getText()).isEqualTo("Audit");
		screenshot("audit-log");

		AuditPages.ListPage older = page.older();
		assertThat(older.rows()).hasSize(13);
		assertThat(older.column("action")).containsOnly("lead_event.received");
		assertThat(older.newest().rows()).hasSize(50);

		AuditPages.ListPage byAdmin = new AuditPages.ListPage(browser(), waitFor()).filter("actor", "admin");
		assertThat(byAdmin.column("action")).containsExactly("user.role_changed", "user.created");
		assertThat(browser().getCurrentUrl()).contains("actor=admin");
		AuditPages.ListPage roleChanges = byAdmin.filter("action", "user.role_changed");
		assertThat(roleChanges.column("id")).containsExactly(String.valueOf(roleChanged));
		assertThat(browser().getCurrentUrl()).contains("actor=admin").contains("action=user.role_changed");
		screenshot("audit-log-filtered");
		AuditPages.ListPage nobody = roleChanges.filter("actor", "nobody");
		assertThat(nobody.rows()).isEmpty();
		assertThat(browser().findElement(By.id("audit-empty")).getText()).contains("Clear the filters");

		resize(390, 844);
		try {
			open("/audit");
			new AuditPages.ListPage(browser(), waitFor());
			screenshot("audit-phone");
		}
		finally {
			resize(1280, 800);
		}
	}

	@Test
	void anAdminVerifiesTheChainBeforeAndAfterAnEditInTheDatabase() {
		long roleChanged = seed();
		signIn("admin", LeadRelayIntegrationTest.ADMIN_PASSWORD);
		open("/audit");
		AuditPages.ListPage page = new AuditPages.ListPage(browser(), waitFor());
		assertThat(page.verify()).contains("The audit trail is intact.")
			.contains("Intact: 63 entries checked, none changed or missing.");
		screenshot("audit-verify-intact");

		this.jdbc.update("UPDATE audit_event SET details = '{\"from\":\"VIEWER\",\"to\":\"ADMIN\"}' WHERE id = ?",
				roleChanged);
		long seq = this.jdbc.queryForObject("SELECT chain_seq FROM audit_event WHERE id = ?", Long.class, roleChanged);
		open("/audit");
		page = new AuditPages.ListPage(browser(), waitFor());
		assertThat(page.verify()).contains("The audit trail was changed outside LeadRelay.")
			.contains("Broken: Entry " + roleChanged + " (number " + seq + " in the chain): its content was changed "
					+ "after it was written. Checked " + seq + " entries.");
		screenshot("audit-verify-broken");
		browser().findElement(By.id("verdict-entry")).click();
		waitFor().until(ExpectedConditions.urlContains("before=" + (roleChanged + 1)));
		assertThat(new AuditPages.ListPage(browser(), waitFor()).column("id").get(0))
			.isEqualTo(String.valueOf(roleChanged));
	}

	/** 60 leads received, then an admin's changes to mia and mia's own. */
	private long seed() {
		Instant now = Instant.now();
		List<AuditEntry> entries = new ArrayList<>();
		for (int i = 0; i < 60; i++) {
			entries.add(new AuditEntry(now.minusSeconds(3600 - i * 30L), "meta", "lead_event.received", "lead",
					String.valueOf(920000000000100L + i),
					AuditDetails.of("pageId", "100200300400500", "source", "webhook")));
		}
		entries.add(new AuditEntry(now.minusSeconds(300), "admin", "user.created", "user", "mia",
				AuditDetails.of("role", "VIEWER")));
		entries.add(new AuditEntry(now.minusSeconds(120), "admin", "user.role_changed", "user", "mia",
				AuditDetails.of("from", "VIEWER", "to", "MARKETER")));
		entries.add(new AuditEntry(now.minusSeconds(60), "mia", "user.password_changed", "user", "mia",
				AuditDetails.of("forced", true)));
		this.log.recordAll(entries);
		return this.jdbc.queryForObject("SELECT id FROM audit_event WHERE action = 'user.role_changed'", Long.class);
	}

	@Test
	void refusesAMarketerTheAuditLog() {
		TestUsers.replace(this.jdbc, "mark", "MARKETER");
		signIn("mark", TestUsers.PASSWORD);
		assertThat(browser().findElements(By.cssSelector("nav a[href='/audit']"))).isEmpty();
		open("/audit");
		waitFor().until(ExpectedConditions.presenceOfElementLocated(By.tagName("h1")));
		assertThat(browser().findElement(By.tagName("h1")).getText()).isEqualTo("Not allowed");
		assertThat(browser().findElements(By.id("audit-entries"))).isEmpty();
		screenshot("audit-refused-marketer");
	}

}
