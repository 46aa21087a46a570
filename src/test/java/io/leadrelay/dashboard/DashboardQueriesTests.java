package io.leadrelay.dashboard;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;

import io.leadrelay.support.LeadRelayJdbcTest;
import io.leadrelay.support.TableCleaner;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The dashboard's figures read from known rows: run on H2 here and on PostgreSQL by
 * {@link DashboardQueriesPostgresTests}.
 */
@LeadRelayJdbcTest
class DashboardQueriesTests {

	static final Instant NOW = Instant.parse("2026-12-04T10:00:00Z");

	static final LocalDate TODAY = LocalDate.parse("2026-12-04");

	@Autowired
	JdbcTemplate jdbc;

	DashboardRows rows;

	LeadCounts leads;

	DeliveryFigures deliveries;

	SetupProblems setup;

	@BeforeEach
	void clean() {
		TableCleaner.deleteAll(this.jdbc);
		this.rows = new DashboardRows(this.jdbc);
		this.leads = new LeadCounts(this.jdbc);
		this.deliveries = new DeliveryFigures(this.jdbc);
		this.setup = new SetupProblems(this.jdbc);
	}

	@Test
	void countsLeadsPerDayAndPageInTheGivenTimeZone() {
		assertThat(this.leads.anyLead()).isFalse();
		this.rows.page("111", "Acme Shoes", "valid", null)
			.lead("1", "111", "901", "mapped", Instant.parse("2026-12-04T09:00:00Z"))
			.lead("2", "111", "901", "mapped", Instant.parse("2026-12-03T23:30:00Z"))
			.lead("3", "222", "902", "received", Instant.parse("2026-11-28T00:00:00Z"))
			.lead("4", "222", "902", "mapped", Instant.parse("2026-11-27T23:59:59Z"))
			.lead("5", "111", "901", "mapped", Instant.parse("2026-12-03T00:00:00Z"));

		DailyLeads utc = this.leads.perDay(TODAY, 7, ZoneOffset.UTC, SplitBy.PAGE);
		assertThat(this.leads.anyLead()).isTrue();
		assertThat(utc.days()).hasSize(7).startsWith(LocalDate.parse("2026-11-28")).endsWith(TODAY);
		assertThat(utc.series()).extracting(DailyLeads.Series::name).containsExactly("Acme Shoes", "Page 222");
		// Midnight starts a day and ends none.
		assertThat(utc.series().get(0).counts()).containsExactly(0, 0, 0, 0, 0, 2, 1);
		assertThat(utc.series().get(1).counts()).containsExactly(1, 0, 0, 0, 0, 0, 0);
		assertThat(utc.today()).isEqualTo(1);
		assertThat(utc.total()).isEqualTo(4);

		DailyLeads berlin = this.leads.perDay(TODAY, 7, ZoneId.of("Europe/Berlin"), SplitBy.PAGE);
		assertThat(berlin.zone()).isEqualTo("Europe/Berlin");
		assertThat(berlin.today()).isEqualTo(2);
		// 23:59:59 UTC on the 27th is already the 28th in Berlin; midnight UTC is still
		// the 28th.
		assertThat(berlin.series().get(1).counts()).containsExactly(2, 0, 0, 0, 0, 0, 0);
	}

	@Test
	void splitsByFormNamedByItsLeads() {
		this.rows.lead("1", "111", "901", "mapped", NOW.minusSeconds(60))
			.storedLead("1", "111", "901", "Spring offer")
			.lead("2", "111", "901", "received", NOW.minusSeconds(30))
			.lead("3", "111", "902", "received", NOW.minusSeconds(20))
			.lead("4", "111", null, "received", NOW.minusSeconds(10));

		DailyLeads byForm = this.leads.perDay(TODAY, 30, ZoneOffset.UTC, SplitBy.FORM);

		assertThat(byForm.days()).hasSize(30);
		assertThat(byForm.series()).extracting(DailyLeads.Series::name)
			.containsExactly("Spring offer", "Form 902", "Other or unknown forms");
		assertThat(byForm.series()).extracting(DailyLeads.Series::total).containsExactly(2L, 1L, 1L);
	}

	@Test
	void putsTheQuieterPagesTogether() {
		for (int page = 1; page <= 8; page++) {
			for (int lead = 0; lead < page; lead++) {
				this.rows.lead(page + "-" + lead, "p" + page, null, "mapped", NOW.minusSeconds(lead + 1));
			}
		}

		DailyLeads byPage = this.leads.perDay(TODAY, 7, ZoneOffset.UTC, SplitBy.PAGE);

		assertThat(byPage.series()).extracting(DailyLeads.Series::name)
			.containsExactly("Page p8", "Page p7", "Page p6", "Page p5", "Page p4", "Page p3", "Other pages");
		assertThat(byPage.series().get(6).total()).isEqualTo(3);
		assertThat(byPage.today()).isEqualTo(36);
	}

	@Test
	void tellsEachDestinationsDeliveredAndDeadSinceTheWindowStarted() {
		Instant from = Instant.parse("2026-11-28T00:00:00Z");
		this.rows.destination("crm", "HubSpot EU", "active").destination("quiet", "Quiet CRM", "active");
		this.rows.delivery("1", "crm", "delivered", NOW, NOW)
			.delivery("2", "crm", "delivered", NOW, NOW.minusSeconds(3600))
			.delivery("3", "crm", "delivered", NOW, from)
			.delivery("4", "crm", "delivered", from.minusSeconds(1), from.minusSeconds(1))
			.delivery("5", "crm", "dead", NOW, null)
			.delivery("6", "crm", "dead", from.minusSeconds(1), null)
			.delivery("7", "crm", "retrying", NOW, null)
			.delivery("8", "gone", "dead", NOW, null);

		assertThat(this.deliveries.successSince(from)).containsExactly(
				new DestinationSuccess("crm", "HubSpot EU", 3, 1), new DestinationSuccess("quiet", "Quiet CRM", 0, 0),
				new DestinationSuccess("gone", null, 0, 1));
		assertThat(new DestinationSuccess("crm", "HubSpot EU", 3, 1).percentDelivered()).isEqualTo(75);
		assertThat(new DestinationSuccess("quiet", "Quiet CRM", 0, 0).percentDelivered()).isEqualTo(-1);
	}

	@Test
	void measuresTheWebhookToCrmTimeOfTheLastDaysDeliveries() {
		assertThat(this.deliveries.latencySince(NOW.minus(Duration.ofHours(24))).deliveries()).isZero();
		for (int seconds = 1; seconds <= 20; seconds++) {
			Instant received = NOW.minus(Duration.ofHours(1)).plusSeconds(seconds * 60L);
			this.rows.lead("l" + seconds, "111", null, "mapped", received)
				.delivery("l" + seconds, "crm", "delivered", received.plusSeconds(seconds),
						received.plusSeconds(seconds));
		}
		Instant old = NOW.minus(Duration.ofHours(25));
		this.rows.lead("old", "111", null, "mapped", old)
			.delivery("old", "crm", "delivered", old, old.plusSeconds(999));

		Latency latency = this.deliveries.latencySince(NOW.minus(Duration.ofHours(24)));

		assertThat(latency.deliveries()).isEqualTo(20);
		assertThat(latency.p50()).isEqualTo(Duration.ofSeconds(10));
		assertThat(latency.p95()).isEqualTo(Duration.ofSeconds(19));
		assertThat(latency.sampled()).isFalse();
	}

	@Test
	void countsDeadLettersAndFindsTheOldestLeadOnItsWay() {
		assertThat(this.deliveries.backlog()).isEqualTo(new Backlog(0, 0, 0, null));
		Instant oldest = NOW.minus(Duration.ofHours(5));
		this.rows.lead("a", "111", null, "mapped", NOW.minus(Duration.ofDays(3)))
			.delivery("a", "crm", "dead", NOW, null)
			.lead("b", "111", null, "mapped", oldest)
			.delivery("b", "crm", "retrying", NOW, null)
			.lead("c", "111", null, "received", NOW.minus(Duration.ofHours(2)))
			.lead("d", "111", null, "enriching", NOW.minus(Duration.ofHours(1)))
			.lead("e", "111", null, "mapped", NOW.minus(Duration.ofHours(1)))
			.delivery("e", "crm", "pending", NOW, null)
			.delivery("e", "other", "delivered", NOW, NOW);

		assertThat(this.deliveries.backlog()).isEqualTo(new Backlog(1, 2, 2, oldest));
	}

	@Test
	void listsPagesThatNeedATokenAndDestinationsThatNeedCredentials() {
		this.rows.page("1", "Acme Shoes", "valid", NOW.plus(Duration.ofDays(3)))
			.page("2", "Bolt Bikes", "needs_token", null)
			.page("3", "Calm Cafe", "valid", NOW.plus(Duration.ofDays(30)))
			.page("4", "Dune Diving", "missing_scopes", null)
			.page("5", "Echo Eats", "valid", NOW.minusSeconds(60))
			.page("6", "Fern Flowers", "unchecked", null);
		this.rows.destination("hub", "HubSpot", "needs_credentials").destination("ok", "Webhook", "active");

		assertThat(this.setup.pages(NOW))
			.extracting(SetupProblems.PageProblem::name, SetupProblems.PageProblem::problem)
			.containsExactly(org.assertj.core.groups.Tuple.tuple("Acme Shoes", "Token expires soon"),
					org.assertj.core.groups.Tuple.tuple("Bolt Bikes", "Needs a new token"),
					org.assertj.core.groups.Tuple.tuple("Dune Diving", "Token lacks a permission"),
					org.assertj.core.groups.Tuple.tuple("Echo Eats", "Token has expired"));
		assertThat(this.setup.destinations()).extracting(SetupProblems.DestinationProblem::name)
			.containsExactly("HubSpot");
	}

}
