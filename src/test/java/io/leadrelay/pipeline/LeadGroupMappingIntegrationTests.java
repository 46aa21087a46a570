package io.leadrelay.pipeline;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.IntStream;

import javax.sql.DataSource;

import io.leadrelay.destination.Destinations;
import io.leadrelay.destination.NewDestination;
import io.leadrelay.graph.GraphLead;
import io.leadrelay.graph.GraphResult;
import io.leadrelay.mapping.Mappings;
import io.leadrelay.privacy.PersonKey;
import io.leadrelay.privacy.Privacy;
import io.leadrelay.support.LeadRelayIntegrationTest;
import io.leadrelay.support.TableCleaner;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The leads of one Graph API read are mapped together in one transaction, each with the
 * same effects as alone; a lead that breaks the group is mapped alone, a lead whose lease
 * was lost is not written, and what a lead is checked against is read when its group is
 * mapped. Run against H2 and PostgreSQL by subclasses.
 */
@LeadRelayIntegrationTest
@Import(LeadGroupMappingIntegrationTests.StoredTransactions.class)
abstract class LeadGroupMappingIntegrationTests {

	static final String PAGE = "100000000000077";

	static final String FORM = "700000000000077";

	@Autowired
	LeadEventQueue queue;

	@Autowired
	LeadEnricher enricher;

	@Autowired
	Mappings mappings;

	@Autowired
	Destinations destinations;

	@Autowired
	Privacy privacy;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	StoredTransactions stored;

	@BeforeEach
	void destinationAndMapping() {
		TableCleaner.deleteAll(this.jdbc);
		this.stored.transactions.clear();
		this.stored.leads.clear();
		this.destinations.create(new NewDestination("crm", "CRM", "hubspot",
				Map.of("baseUrl", "https://api.hubapi.com"), Map.of("accessToken", "pat-test"), true), "admin");
		this.mappings.create("""
				id: group
				destination: crm
				fields:
				  email: {answer: email, required: true}
				""", "admin");
	}

	@Test
	void mapsAGroupOfFiftyLeadsInOneTransaction() {
		List<ClaimedLeadEvent> events = claim(50);

		this.enricher.completeAll(events, read(events));

		assertThat(statuses()).containsOnlyKeys("mapped");
		assertThat(statuses().get("mapped")).isEqualTo(50);
		assertThat(this.stored.transactions).hasSize(1);
		assertThat(this.stored.leads).hasSize(50);
		assertThat(count("SELECT COUNT(*) FROM lead")).isEqualTo(50);
		assertThat(count("SELECT COUNT(*) FROM delivery WHERE status = 'pending'")).isEqualTo(50);
		assertThat(count("SELECT COUNT(*) FROM lead_contact")).isEqualTo(50);
		String first = events.get(0).leadgenId();
		assertThat(this.jdbc.queryForList("SELECT action FROM audit_event WHERE subject_id = ? ORDER BY id",
				String.class, first))
			.containsExactly("lead.enriching", "delivery.pending", "lead.mapped");
	}

	@Test
	void aLeadThatBreaksTheGroupIsMappedAloneAndTheOthersAreMapped() {
		List<ClaimedLeadEvent> events = claim(50);
		List<GraphResult<GraphLead>> read = read(events);
		String bad = events.get(17).leadgenId();
		// Graph answered this lead without its id: the lead table refuses it.
		read.set(17, new GraphResult.Success<>(lead(null, "Spring offer")));

		this.enricher.completeAll(events, read);

		assertThat(statuses().get("mapped")).isEqualTo(49);
		assertThat(
				this.jdbc.queryForMap("SELECT status, attempts, last_error FROM lead_event WHERE leadgen_id = ?", bad))
			.containsEntry("STATUS", "enriching")
			.containsEntry("ATTEMPTS", 1);
		assertThat(count("SELECT COUNT(*) FROM lead WHERE leadgen_id = '" + bad + "'")).isZero();
		assertThat(count("SELECT COUNT(*) FROM delivery")).isEqualTo(49);
	}

	@Test
	void aLeadWhoseLeaseWasLostIsNotWritten() {
		List<ClaimedLeadEvent> events = claim(5);
		String lost = events.get(2).leadgenId();
		this.jdbc.update("UPDATE lead_event SET claimed_by = 'another-worker' WHERE leadgen_id = ?", lost);

		this.enricher.completeAll(events, read(events));

		assertThat(statuses()).containsEntry("mapped", 4).containsEntry("enriching", 1);
		assertThat(count("SELECT COUNT(*) FROM lead WHERE leadgen_id = '" + lost + "'")).isZero();
		assertThat(count("SELECT COUNT(*) FROM delivery WHERE leadgen_id = '" + lost + "'")).isZero();
		assertThat(this.jdbc.queryForList("SELECT action FROM audit_event WHERE subject_id = ? ORDER BY id",
				String.class, lost))
			.containsExactly("lead.enriching");
		assertThat(this.stored.leads).hasSize(4).doesNotContain(lost);
	}

	@Test
	void aPersonErasedJustBeforeIsSuppressedInTheNextGroup() {
		List<ClaimedLeadEvent> before = claim(2);
		this.enricher.completeAll(before, read(before));
		assertThat(statuses()).containsEntry("mapped", 2);
		List<ClaimedLeadEvent> events = claim(3);
		this.privacy.erase(new PersonKey(PersonKey.Kind.EMAIL, email(events.get(1).leadgenId())), false, "admin");

		this.enricher.completeAll(events, read(events));

		assertThat(this.jdbc.queryForObject("SELECT status FROM lead_event WHERE leadgen_id = ?", String.class,
				events.get(1).leadgenId()))
			.isEqualTo("suppressed");
		assertThat(statuses()).containsEntry("mapped", 4);
		assertThat(count("SELECT COUNT(*) FROM lead WHERE leadgen_id = '" + events.get(1).leadgenId() + "'")).isZero();
	}

	@Test
	void aMappingDisabledThroughTheApiStopsMatchingAtOnce() {
		List<ClaimedLeadEvent> first = claim(2);
		this.enricher.completeAll(first, read(first));
		this.mappings.update("group", """
				id: group
				destination: crm
				enabled: false
				fields:
				  email: {answer: email, required: true}
				""", "admin");
		List<ClaimedLeadEvent> next = claim(2);

		this.enricher.completeAll(next, read(next));

		assertThat(statuses()).containsEntry("mapped", 2).containsEntry("filtered", 2);
	}

	private List<ClaimedLeadEvent> claim(int leads) {
		long base = 960000000000000L + count("SELECT COUNT(*) FROM lead_event");
		Instant now = Instant.now();
		IntStream.range(0, leads)
			.forEach((i) -> this.jdbc.update("""
					INSERT INTO lead_event (leadgen_id, page_id, form_id, received_at, source, status, raw_value)
					VALUES (?, ?, ?, ?, 'webhook', 'received', '{}')""", String.valueOf(base + i), PAGE, FORM,
					now.atOffset(ZoneOffset.UTC)));
		List<ClaimedLeadEvent> claimed = this.queue.claim(leads, Duration.ofMinutes(5));
		assertThat(claimed).hasSize(leads);
		return claimed;
	}

	private static List<GraphResult<GraphLead>> read(List<ClaimedLeadEvent> events) {
		List<GraphResult<GraphLead>> read = new ArrayList<>();
		events.forEach((event) -> read.add(new GraphResult.Success<>(lead(event.leadgenId(), "Spring offer"))));
		return read;
	}

	private static GraphLead lead(String leadgenId, String formName) {
		return new GraphLead(leadgenId, Instant.parse("2026-12-01T10:00:00Z"),
				Map.of("email", List.of(email(String.valueOf(leadgenId))), "city", List.of("Berlin")), FORM, formName,
				"300000000000001", "Video ad", "400000000000001", "Berlin", "500000000000001", "Spring campaign", "fb",
				false, Map.of());
	}

	private static String email(String leadgenId) {
		return "lead-" + leadgenId + "@example.com";
	}

	private Map<String, Integer> statuses() {
		Map<String, Integer> statuses = new TreeMap<>();
		this.jdbc.query("SELECT status, COUNT(*) FROM lead_event GROUP BY status",
				(RowCallbackHandler) (rs) -> statuses.put(rs.getString(1), rs.getInt(2)));
		return statuses;
	}

	private int count(String sql) {
		return this.jdbc.queryForObject(sql, Integer.class);
	}

	/** Which transaction (its connection holder) each stored lead was published in. */
	static class StoredTransactions {

		final Set<Object> transactions = new HashSet<>();

		final List<String> leads = new ArrayList<>();

		private final DataSource dataSource;

		StoredTransactions(DataSource dataSource) {
			this.dataSource = dataSource;
		}

		@EventListener
		synchronized void stored(LeadStored event) {
			Object transaction = TransactionSynchronizationManager.getResource(this.dataSource);
			this.transactions.add((transaction != null) ? transaction : "none");
			this.leads.add(event.lead().metadata().get("leadgen_id"));
		}

	}

}
