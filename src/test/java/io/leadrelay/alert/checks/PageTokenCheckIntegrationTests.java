package io.leadrelay.alert.checks;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import io.leadrelay.alert.AlertCondition;
import io.leadrelay.page.Pages;
import io.leadrelay.page.TokenStatus;
import io.leadrelay.support.LeadRelayIntegrationTest;
import io.leadrelay.support.TableCleaner;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A page token Meta refused, one lacking a permission, or one expiring within 7 days (the
 * default) alerts until a good token is checked; one that never expires does not.
 */
@LeadRelayIntegrationTest
class PageTokenCheckIntegrationTests {

	static final String PAGE = "100000000000001";

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	Pages pages;

	@Autowired
	PageTokenCheck check;

	@BeforeEach
	void clean() {
		TableCleaner.deleteAll(this.jdbc);
		this.pages.create(PAGE, "Acme Solar", "EAAB-page-token", "admin");
		this.pages.create("100000000000002", "Acme Shoes", "EAAB-other-token", "admin");
		this.pages.recordTokenCheck("100000000000002", TokenStatus.VALID, null, null);
	}

	@Test
	void aTokenExpiringWithinSevenDaysAlertsUntilItIsReplaced() {
		this.pages.recordTokenCheck(PAGE, TokenStatus.VALID, null, Instant.now().plus(Duration.ofDays(7).plusHours(1)));
		assertThat(this.check.check()).as("more than 7 days left").isEmpty();

		Instant expiresAt = Instant.now().plus(Duration.ofDays(7).minusHours(1));
		this.pages.recordTokenCheck(PAGE, TokenStatus.VALID, null, expiresAt);
		AlertCondition condition = single();
		assertThat(condition.key()).isEqualTo("page-token-expiring:" + PAGE);
		assertThat(condition.kind()).isEqualTo("page-token-expiring");
		assertThat(condition.title()).isEqualTo("The token of page Acme Solar expires on " + Wording.minute(expiresAt));
		assertThat(condition.detail()).contains("connect the page again");
		assertThat(condition.link()).isEqualTo("/pages");
		assertThat(single()).as("the same incident next round").isEqualTo(condition);

		this.pages.recordTokenCheck(PAGE, TokenStatus.VALID, null, Instant.now().plus(Duration.ofDays(60)));
		assertThat(this.check.check()).isEmpty();
	}

	@Test
	void aTokenThatNeverExpiresDoesNotAlert() {
		this.pages.recordTokenCheck(PAGE, TokenStatus.VALID, null, null);

		assertThat(this.check.check()).isEmpty();
	}

	@Test
	void aRefusedTokenAlertsWithMetasReasonUntilAGoodOneIsChecked() {
		this.pages.recordTokenCheck(PAGE, TokenStatus.NEEDS_TOKEN, "Error validating access token: Session has expired",
				Instant.now().minus(Duration.ofHours(2)));

		AlertCondition condition = single();
		assertThat(condition.key()).isEqualTo("page-token-refused:" + PAGE);
		assertThat(condition.title()).isEqualTo("Meta refuses the token of page Acme Solar");
		assertThat(condition.detail()).contains("Meta said: Error validating access token: Session has expired");
		assertThat(single()).isEqualTo(condition);

		this.pages.recordTokenCheck(PAGE, TokenStatus.VALID, null, null);
		assertThat(this.check.check()).isEmpty();
	}

	@Test
	void aTokenLackingAPermissionAlerts() {
		this.pages.recordTokenCheck(PAGE, TokenStatus.MISSING_SCOPES, "The token lacks the permission leads_retrieval",
				null);

		List<AlertCondition> conditions = this.check.check();
		assertThat(conditions).extracting(AlertCondition::key).containsExactly("page-token-missing-permission:" + PAGE);
		assertThat(conditions.get(0).detail()).contains("leads_retrieval");
	}

	private AlertCondition single() {
		assertThat(this.check.check()).hasSize(1);
		return this.check.check().get(0);
	}

}
