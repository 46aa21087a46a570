package io.leadrelay.alert.checks;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import io.leadrelay.alert.AlertCheck;
import io.leadrelay.alert.AlertCondition;
import io.leadrelay.page.PageView;
import io.leadrelay.page.Pages;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Webhooks gone silent: a page whose newest lead from the webhook arrived longer than
 * {@code leadrelay.alert-checks.silent-page-after} ago, although it usually has leads: at
 * least {@code usual-leads} received (webhook or reconciliation, test leads aside) in the
 * {@code usual-leads-window} before that last webhook. Measured from the last webhook, so
 * the alert lasts while the silence does, and ends with the next webhook. Pages that
 * never had a webhook lead, or too few to tell, never alert. Both reads are ranges of
 * {@code ix_lead_event_page_received} (V30).
 */
@Component
class SilentPagesCheck implements AlertCheck {

	static final String KIND = "silent-page";

	private final JdbcClient jdbc;

	private final Pages pages;

	private final AlertChecksProperties properties;

	private final Clock clock;

	SilentPagesCheck(JdbcClient jdbc, Pages pages, AlertChecksProperties properties, Clock clock) {
		this.jdbc = jdbc;
		this.pages = pages;
		this.properties = properties;
		this.clock = clock;
	}

	@Override
	public List<AlertCondition> check() {
		Instant quietSince = this.clock.instant().minus(this.properties.silentPageAfter());
		List<AlertCondition> conditions = new ArrayList<>();
		for (PageView page : this.pages.list()) {
			Optional<Instant> last = lastWebhook(page.pageId());
			if (last.isEmpty() || last.get().isAfter(quietSince)) {
				continue;
			}
			long usual = leadsBefore(page.pageId(), last.get());
			if (usual >= this.properties.usualLeads()) {
				conditions.add(condition(page, last.get(), usual));
			}
		}
		return conditions;
	}

	private Optional<Instant> lastWebhook(String pageId) {
		return this.jdbc.sql("""
				SELECT received_at FROM lead_event WHERE page_id = :page AND source = 'webhook'
				ORDER BY received_at DESC FETCH FIRST 1 ROWS ONLY""")
			.param("page", pageId)
			.query(OffsetDateTime.class)
			.optional()
			.map(OffsetDateTime::toInstant);
	}

	private long leadsBefore(String pageId, Instant last) {
		return this.jdbc.sql("""
				SELECT COUNT(*) FROM lead_event WHERE page_id = :page AND received_at > :from AND received_at <= :last
				AND source <> 'test'""")
			.param("page", pageId)
			.param("from", last.minus(this.properties.usualLeadsWindow()).atOffset(ZoneOffset.UTC))
			.param("last", last.atOffset(ZoneOffset.UTC))
			.query(Long.class)
			.single();
	}

	private AlertCondition condition(PageView page, Instant last, long usual) {
		return new AlertCondition(KIND + ":" + page.pageId(), KIND,
				"No lead from page " + page.name() + " has come by webhook for more than "
						+ Wording.duration(this.properties.silentPageAfter()),
				"The last one came at " + Wording.minute(last) + "; it had " + Wording.plural(usual, "lead")
						+ " in the " + Wording.duration(this.properties.usualLeadsWindow()) + " before. "
						+ "Either its ads stopped, or Meta no longer sends its webhooks: on Pages, check that the "
						+ "page is connected and its token valid, and in your Meta app that the page is "
						+ "subscribed to leadgen. Reconciliation still fetches leads the webhook missed while "
						+ "the token works.",
				"/pages");
	}

}
