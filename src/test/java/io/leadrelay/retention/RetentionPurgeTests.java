package io.leadrelay.retention;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

import io.leadrelay.audit.AuditChain;
import io.leadrelay.audit.AuditEntry;
import io.leadrelay.audit.AuditFilter;
import io.leadrelay.audit.AuditLog;
import io.leadrelay.audit.AuditRecord;
import io.leadrelay.audit.AuditTrail;
import io.leadrelay.audit.ChainVerdict;
import io.leadrelay.support.LeadRelayIntegrationTest;
import io.leadrelay.support.TableCleaner;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The retention purge against the engine's database, with the default windows (90 days
 * after delivery, 180 days for leads never delivered, 90 days for attempts, 180 days for
 * dead letters, 730 days for the audit log). H2 here; PostgreSQL in
 * {@link RetentionPurgePostgresTests}.
 */
@LeadRelayIntegrationTest
class RetentionPurgeTests {

	final Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	RetentionPurge purge;

	@Autowired
	AuditLog auditLog;

	@Autowired
	AuditChain chain;

	@Autowired
	AuditTrail trail;

	RetentionRows rows;

	@BeforeEach
	void emptyTables() {
		TableCleaner.deleteAll(this.jdbc);
		this.rows = new RetentionRows(this.jdbc, this.now);
	}

	@Test
	void aDeliveredLeadKeepsItsDataUntilNinetyDaysAfterItsLastDelivery() {
		this.rows.lead("kept", 100);
		long keptDelivery = this.rows.delivery("kept", "crm", "delivered", 89);
		this.rows.lead("purged", 100);
		long purgedDelivery = this.rows.delivery("purged", "crm", "delivered", 91);
		this.rows.attempt(purgedDelivery, 1);
		this.rows.lead("partly", 100);
		this.rows.delivery("partly", "crm", "delivered", 95);
		this.rows.delivery("partly", "sheet", "delivered", 89);

		PurgeRun run = this.purge.runAt(this.now);

		assertThat(run.leads()).isEqualTo(1);
		assertKept("kept", keptDelivery);
		assertRemoved("purged", purgedDelivery);
		assertThat(lead("partly").get("answers")).isEqualTo(RetentionRows.ANSWERS);
		// The delivery stays, with its status, times and counts.
		assertThat(this.jdbc.queryForMap("SELECT status, attempts FROM delivery WHERE id = ?", purgedDelivery))
			.containsEntry("status", "delivered");
		assertThat(this.jdbc.queryForList("SELECT message FROM delivery_attempt WHERE delivery_id = ?", String.class,
				purgedDelivery))
			.containsExactly(LeadDataPurge.REMOVED);
	}

	@Test
	void aLeadNeverDeliveredIsKeptUntilItsOwnLongerWindowFromWhenItArrived() {
		this.rows.lead("dead-100", 100);
		long dead100 = this.rows.delivery("dead-100", "crm", "dead", 99);
		this.rows.lead("dead-181", 181);
		long dead181 = this.rows.delivery("dead-181", "crm", "dead", 179);
		this.rows.lead("waiting-181", 181);
		long waiting = this.rows.delivery("waiting-181", "crm", "retrying", 1);
		this.rows.lead("unmapped-179", 179);
		this.rows.lead("unmapped-181", 181);
		this.rows.lead("sending-181", 181);
		this.rows.delivery("sending-181", "crm", "in_flight", 0);

		PurgeRun run = this.purge.runAt(this.now);

		assertThat(run.leads()).isEqualTo(3);
		assertThat(run.discarded()).isOne();
		assertKept("dead-100", dead100);
		assertRemoved("dead-181", dead181);
		assertRemoved("waiting-181", waiting);
		assertThat(this.jdbc.queryForMap("SELECT status, discarded_by FROM delivery WHERE id = ?", waiting))
			.containsEntry("status", "discarded")
			.containsEntry("discarded_by", "retention");
		assertThat(lead("unmapped-179").get("personal_data_removed_at")).isNull();
		assertThat(lead("unmapped-181").get("personal_data_removed_by")).isEqualTo("retention");
		// Being sent right now: left for the next run.
		assertThat(lead("sending-181").get("answers")).isEqualTo(RetentionRows.ANSWERS);
	}

	@Test
	void aLeadsConsentsAsLongAsItsAnswersAreStoredAndPurged() {
		this.rows.lead("many-checkboxes", 181);
		StringBuilder consents = new StringBuilder("{");
		for (int box = 0; box < 300; box++) {
			consents.append("\"marketing_optin_partner_").append(box).append("\": true, ");
		}
		String stored = consents.append("\"last\": false}").toString();
		assertThat(stored).hasSizeGreaterThan(8000);
		this.jdbc.update("UPDATE lead SET consents = ? WHERE leadgen_id = 'many-checkboxes'", stored);

		this.purge.runAt(this.now);

		assertThat(lead("many-checkboxes").get("personal_data_removed_by")).isEqualTo("retention");
		assertThat(this.jdbc.queryForObject("SELECT consents FROM lead WHERE leadgen_id = 'many-checkboxes'",
				String.class))
			.isNull();
	}

	@Test
	void deletesAttemptsAndDeadLettersPastTheirWindowsChildrenFirst() {
		this.rows.lead("a", 10);
		long recent = this.rows.delivery("a", "crm", "delivered", 9);
		this.rows.attempt(recent, 91);
		this.rows.attempt(recent, 89);
		this.rows.lead("b", 200);
		long oldDead = this.rows.delivery("b", "crm", "dead", 181);
		long youngerDead = this.rows.delivery("b", "sheet", "discarded", 179);

		PurgeRun run = this.purge.runAt(this.now);

		// The 91-day-old attempt of the recent delivery, and the younger dead letter's.
		assertThat(run.attempts()).isEqualTo(2);
		assertThat(run.deadLetters()).isOne();
		assertThat(count("delivery_attempt WHERE delivery_id = " + recent)).isEqualTo(2);
		assertThat(count("delivery WHERE id = " + oldDead)).isZero();
		assertThat(count("delivery_attempt WHERE delivery_id = " + oldDead)).isZero();
		assertThat(count("delivery_payload_edit WHERE delivery_id = " + oldDead)).isZero();
		assertThat(count("delivery WHERE id = " + youngerDead)).isOne();
		assertThat(count("delivery_payload_edit WHERE delivery_id = " + youngerDead)).isOne();
		// Its lead's data was removed: the reasons typed for it too.
		assertThat(this.jdbc.queryForMap(
				"SELECT d.discard_reason, e.reason FROM delivery d JOIN delivery_payload_edit e ON e.delivery_id = d.id"
						+ " WHERE d.id = ?",
				youngerDead))
			.containsEntry("discard_reason", LeadDataPurge.REMOVED)
			.containsEntry("reason", LeadDataPurge.REMOVED);
		// The lead's row stays: it is counted in the statistics.
		assertThat(count("lead WHERE leadgen_id = 'b'")).isOne();
	}

	@Test
	void auditsEachRunWithItsCountsAndNoPersonalData() {
		this.rows.lead("purged", 181);
		this.rows.delivery("purged", "crm", "dead", 181);

		this.purge.runAt(this.now);

		List<AuditRecord> runs = this.trail
			.find(new AuditFilter("system", PurgeRun.ACTION, "retention", "purge", null, null), null, 10)
			.items();
		assertThat(runs).hasSize(1);
		Map<String, Object> details = runs.get(0).details();
		assertThat(details).containsEntry("leads", 1)
			.containsEntry("deadLetters", 1)
			.containsEntry("attempts", 0)
			.containsEntry("auditEntries", 0)
			.containsKeys("startedAt", "millis", "discarded");
		assertThat(details.toString()).doesNotContain("ada").doesNotContain("purged");
	}

	@Test
	void theAuditChainStillVerifiesAfterItsOldestEntriesAreDeleted() {
		for (int day = 800; day >= 700; day -= 20) {
			this.auditLog.record(
					new AuditEntry(this.now.minus(day, ChronoUnit.DAYS), "admin", "user.created", "user", "u" + day));
		}
		assertThat(this.chain.verify()).isEqualTo(new ChainVerdict(true, 6, null));

		PurgeRun run = this.purge.runAt(this.now);

		// 800, 780, 760 and 740 days old are past 730; 720 and 700 stay, and the run's
		// own entry is added.
		assertThat(run.auditEntries()).isEqualTo(4);
		assertThat(this.jdbc.queryForList("SELECT subject_id FROM audit_event WHERE subject_type = 'user' ORDER BY id",
				String.class))
			.containsExactly("u720", "u700");
		assertThat(this.chain.verify()).isEqualTo(new ChainVerdict(true, 3, null));
		// Deleting the oldest kept entry by hand still shows.
		this.jdbc.update("DELETE FROM audit_event WHERE subject_id = 'u720'");
		ChainVerdict tampered = this.chain.verify();
		assertThat(tampered.intact()).isFalse();
		assertThat(tampered.firstBroken().problem()).contains("before it is missing");
	}

	private void assertKept(String leadgenId, long deliveryId) {
		Map<String, Object> lead = lead(leadgenId);
		assertThat(lead.get("answers")).isEqualTo(RetentionRows.ANSWERS);
		assertThat(lead.get("personal_data_removed_at")).isNull();
		assertThat(count("lead_contact WHERE leadgen_id = '" + leadgenId + "'")).isOne();
		assertThat(this.jdbc.queryForObject("SELECT payload FROM delivery WHERE id = ?", String.class, deliveryId))
			.isEqualTo(RetentionRows.PAYLOAD);
	}

	private void assertRemoved(String leadgenId, long deliveryId) {
		Map<String, Object> lead = lead(leadgenId);
		assertThat(lead.get("answers")).isEqualTo("{}");
		assertThat(lead.get("personal_data_removed_at")).isNotNull();
		assertThat(lead.get("personal_data_removed_by")).isEqualTo("retention");
		assertThat(count("lead_contact WHERE leadgen_id = '" + leadgenId + "'")).isZero();
		Map<String, Object> delivery = this.jdbc.queryForMap("SELECT payload, last_error FROM delivery WHERE id = ?",
				deliveryId);
		assertThat(delivery.get("payload")).isEqualTo("{}");
		assertThat(String.valueOf(delivery.get("last_error"))).doesNotContain("ada");
		assertThat(this.jdbc.queryForList("SELECT message FROM delivery_attempt WHERE delivery_id = ?", String.class,
				deliveryId))
			.allSatisfy((message) -> assertThat(message).isEqualTo(LeadDataPurge.REMOVED));
		assertThat(this.jdbc.queryForMap(
				"SELECT previous_payload, new_payload, reason FROM delivery_payload_edit WHERE delivery_id = ?",
				deliveryId))
			.containsEntry("previous_payload", "{}")
			.containsEntry("new_payload", "{}")
			.containsEntry("reason", LeadDataPurge.REMOVED);
	}

	private Map<String, Object> lead(String leadgenId) {
		return this.jdbc.queryForMap(
				"SELECT answers, personal_data_removed_at, personal_data_removed_by FROM lead WHERE leadgen_id = ?",
				leadgenId);
	}

	private long count(String from) {
		return this.jdbc.queryForObject("SELECT COUNT(*) FROM " + from, Long.class);
	}

}
