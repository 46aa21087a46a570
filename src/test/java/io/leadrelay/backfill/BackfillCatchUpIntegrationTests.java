package io.leadrelay.backfill;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.stream.IntStream;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.leadrelay.backfill.FakeFormLeads.Lead;
import io.leadrelay.support.LeadRelayIntegrationTest;
import io.leadrelay.support.LeadgenPayloads;
import io.leadrelay.support.SharedGraphApi;
import io.leadrelay.support.TableCleaner;
import io.leadrelay.support.WebhookClient;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * Reconciliation of a form with more leads than one poll may read (two pages of 100
 * here), or whose reading fails half-way: no lead is skipped, and none is stored twice.
 * Run on H2 and PostgreSQL.
 */
// Reads are cut at leadrelay.backfill.max-pages-per-form=2 (@LeadRelayIntegrationTest).
@LeadRelayIntegrationTest
abstract class BackfillCatchUpIntegrationTests {

	static final String PASSWORD = LeadRelayIntegrationTest.ADMIN_PASSWORD;

	static final String SECRET = LeadRelayIntegrationTest.APP_SECRET;

	static final String PAGE = LeadgenPayloads.PAGE_ID;

	static final String FORM = LeadgenPayloads.FORM_ID;

	static final FakeFormLeads form = new FakeFormLeads();

	@RegisterExtension
	static WireMockExtension graph = SharedGraphApi.extension(form);

	@LocalServerPort
	int port;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	Backfill backfill;

	WebhookClient client;

	@BeforeEach
	void pageWithOneActiveForm() {
		this.client = new WebhookClient(this.port);
		TableCleaner.deleteAll(this.jdbc);
		graph.stubFor(get(urlPathEqualTo("/v26.0/debug_token"))
			.willReturn(okJson("{\"data\":{\"is_valid\":true,\"expires_at\":0,\"scopes\":[\"leads_retrieval\"]}}")));
		graph.stubFor(get(urlPathEqualTo("/v26.0/" + PAGE + "/leadgen_forms"))
			.willReturn(okJson("{\"data\":[{\"id\":\"" + FORM + "\",\"status\":\"ACTIVE\"}]}")));
		graph.stubFor(get(urlPathEqualTo("/v26.0/" + FORM + "/leads"))
			.willReturn(aResponse().withTransformers(FakeFormLeads.NAME)));
		assertThat(this.client
			.call("POST", "/api/v1/pages", "{\"pageId\":\"" + PAGE + "\",\"name\":\"Acme\",\"accessToken\":\"EAAG-t\"}",
					"admin", PASSWORD)
			.statusCode()).isEqualTo(201);
	}

	@Test
	void readsTheOlderLeadsOnTheNextPollsWhenThePageCapCutsARead() {
		List<Lead> leads = leadsNewestFirst(450);
		Lead oldest = leads.get(449);
		form.serve(leads);
		List<Lead> viaWebhook = List.of(leads.get(0), leads.get(300), leads.get(448));
		deliverByWebhook(viaWebhook);
		BackfillResult first = poll();
		assertThat(first.leadsFound()).as("two pages, the newest leads").isEqualTo(200);
		assertThat(first.problems()).singleElement().asString().contains("max-pages-per-form");
		assertThat(source(oldest)).isEmpty();
		assertThat(readUntil()).as("the watermark stays before the leads not read").isBeforeOrEqualTo(oldest.created());
		poll();
		assertThat(source(oldest)).as("the oldest lead, read on the next poll").contains("backfill");
		int polls = 2 + pollUntilComplete();
		assertStoredOnce(leads, viaWebhook);
		assertThat(polls).as("polls to catch up with 450 leads, 200 a poll").isLessThanOrEqualTo(4);
	}

	@Test
	void readsTheOlderLeadsOnTheNextPollWhenALaterPageFails() {
		List<Lead> leads = leadsNewestFirst(150);
		Lead oldest = leads.get(149);
		form.serve(leads);
		form.failOnce(2);
		List<Lead> viaWebhook = List.of(leads.get(0), leads.get(120));
		deliverByWebhook(viaWebhook);
		BackfillResult first = poll();
		assertThat(first.leadsFound()).as("the first page only").isEqualTo(100);
		assertThat(first.problems()).singleElement().asString().contains("unexpected error");
		assertThat(source(oldest)).isEmpty();
		assertThat(readUntil()).isBeforeOrEqualTo(oldest.created());
		BackfillResult second = poll();
		assertThat(second.problems()).isEmpty();
		assertThat(source(oldest)).as("the oldest lead, read on the next poll").contains("backfill");
		assertStoredOnce(leads, viaWebhook);
	}

	@Test
	void readsEveryLeadWhateverTheOrderTheGraphApiListsThemIn() {
		List<Lead> leads = new ArrayList<>(leadsNewestFirst(450));
		Collections.shuffle(leads, new Random(6));
		form.serve(leads);
		int polls = pollUntilComplete();
		assertStoredOnce(leads, List.of());
		assertThat(polls).as("polls to catch up with 450 leads, 200 a poll").isLessThanOrEqualTo(4);
	}

	/** One lead every 6 minutes, the newest 10 minutes ago. */
	private static List<Lead> leadsNewestFirst(int count) {
		Instant newest = Instant.now().truncatedTo(ChronoUnit.SECONDS).minus(Duration.ofMinutes(10));
		return IntStream.range(0, count)
			.mapToObj((i) -> new Lead("9210000000%05d".formatted(i), newest.minus(Duration.ofMinutes(6L * i))))
			.toList();
	}

	private void deliverByWebhook(List<Lead> leads) {
		assertThat(this.client.postSigned(SECRET, LeadgenPayloads.notification(leads.stream().map(Lead::id).toList()))
			.statusCode()).isEqualTo(200);
	}

	private BackfillResult poll() {
		return this.backfill.run(PAGE, null, "system");
	}

	/** Returns how many polls it took. */
	private int pollUntilComplete() {
		for (int polls = 1; polls <= 10; polls++) {
			if (poll().problems().isEmpty()) {
				return polls;
			}
		}
		return fail("Still not caught up after 10 polls");
	}

	private void assertStoredOnce(List<Lead> leads, List<Lead> viaWebhook) {
		assertThat(this.jdbc.queryForObject("SELECT COUNT(*) FROM lead_event", Integer.class)).isEqualTo(leads.size());
		assertThat(this.jdbc.queryForObject("SELECT COUNT(*) FROM lead_event WHERE source = 'backfill'", Integer.class))
			.isEqualTo(leads.size() - viaWebhook.size());
		viaWebhook.forEach((lead) -> assertThat(source(lead)).contains("webhook"));
	}

	private Optional<String> source(Lead lead) {
		return this.jdbc.queryForList("SELECT source FROM lead_event WHERE leadgen_id = ?", String.class, lead.id())
			.stream()
			.findFirst();
	}

	/** The form's watermark, or the beginning of time if it has none. */
	private Instant readUntil() {
		return this.jdbc
			.queryForList("SELECT read_until FROM form_watermark WHERE form_id = ?", OffsetDateTime.class, FORM)
			.stream()
			.findFirst()
			.map(OffsetDateTime::toInstant)
			.orElse(Instant.MIN);
	}

}
