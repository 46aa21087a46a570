package io.leadrelay.alert.checks;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import io.leadrelay.alert.AlertCondition;
import io.leadrelay.page.Pages;
import io.leadrelay.support.LeadRelayIntegrationTest;
import io.leadrelay.support.TableCleaner;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A page with at least 20 leads in the 7 days before its last webhook (the defaults) and
 * no webhook for 24 hours alerts until the next webhook; one with fewer leads, or only
 * test leads, does not.
 */
@LeadRelayIntegrationTest
class SilentPagesCheckIntegrationTests {

	static final String PAGE = "100000000000001";

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	Pages pages;

	@Autowired
	SilentPagesCheck check;

	AlertRows rows;

	@BeforeEach
	void clean() {
		TableCleaner.deleteAll(this.jdbc);
		this.rows = new AlertRows(this.jdbc);
		this.pages.create(PAGE, "Acme Solar", "EAAB-page-token", "admin");
		this.pages.create("100000000000002", "Acme Shoes", "EAAB-other-token", "admin");
	}

	@Test
	void aPageThatUsuallyHasLeadsAndSentNoWebhookForADayAlertsUntilTheNextOne() {
		Instant now = Instant.now();
		Instant last = now.minus(Duration.ofHours(23));
		leads(PAGE, "webhook", 19, last.minus(Duration.ofDays(6)), last);
		this.rows.lead(PAGE, "backfill", last.minus(Duration.ofDays(3)));
		this.rows.lead(PAGE, "webhook", last.minus(Duration.ofDays(8)));
		assertThat(this.check.check()).as("quiet for 23 hours").isEmpty();

		this.jdbc.update("UPDATE lead_event SET received_at = received_at - INTERVAL '2' HOUR");
		List<AlertCondition> conditions = this.check.check();
		assertThat(conditions).hasSize(1);
		AlertCondition condition = conditions.get(0);
		assertThat(condition.key()).isEqualTo("silent-page:" + PAGE);
		assertThat(condition.kind()).isEqualTo("silent-page");
		assertThat(condition.title()).isEqualTo("No lead from page Acme Solar has come by webhook for more than 1 day");
		assertThat(condition.detail()).contains("it had 20 leads in the 7 days before");
		assertThat(condition.link()).isEqualTo("/pages");
		this.jdbc.update("UPDATE lead_event SET received_at = received_at - INTERVAL '30' DAY");
		assertThat(this.check.check()).as("still silent a month later")
			.extracting(AlertCondition::key)
			.containsExactly(condition.key());

		this.rows.lead(PAGE, "backfill", Instant.now());
		assertThat(this.check.check()).as("reconciliation is not the webhook").hasSize(1);
		this.rows.lead(PAGE, "webhook", Instant.now());
		assertThat(this.check.check()).isEmpty();
	}

	@Test
	void aPageWithNineteenLeadsBeforeItsLastWebhookDoesNotAlertTestLeadsAside() {
		Instant last = Instant.now().minus(Duration.ofDays(2));
		leads(PAGE, "webhook", 19, last.minus(Duration.ofDays(6)), last);
		leads(PAGE, "test", 5, last.minus(Duration.ofDays(1)), last.minus(Duration.ofHours(1)));
		this.rows.lead(PAGE, "webhook", last.minus(Duration.ofDays(7)).minus(Duration.ofMinutes(1)));

		assertThat(this.check.check()).isEmpty();
	}

	/**
	 * {@code count} leads from {@code first} to {@code last}, the last one at
	 * {@code last}.
	 */
	private void leads(String pageId, String source, int count, Instant first, Instant last) {
		Duration step = Duration.between(first, last).dividedBy(Math.max(1, count - 1));
		for (int i = 0; i < count; i++) {
			this.rows.lead(pageId, source, (i == count - 1) ? last : first.plus(step.multipliedBy(i)));
		}
	}

}
