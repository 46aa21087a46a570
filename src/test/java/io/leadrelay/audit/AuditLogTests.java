package io.leadrelay.audit;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.zaxxer.hikari.HikariDataSource;
import io.leadrelay.support.MigratedDatabases;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The audit trail's details are JSON objects written by Jackson, on H2 and PostgreSQL:
 * names and messages holding quotes or backslashes round-trip, and no details are too
 * long for their column.
 */
class AuditLogTests {

	private static final Instant NOW = Instant.parse("2026-03-01T10:00:00Z");

	private static final TypeReference<LinkedHashMap<String, Object>> OBJECT = new TypeReference<>() {
	};

	private static final Map<String, HikariDataSource> databases = new LinkedHashMap<>();

	private final ObjectMapper json = new ObjectMapper();

	@BeforeAll
	static void databases() {
		databases.put("postgres", MigratedDatabases.pool(MigratedDatabases.postgres("audit_log")));
		databases.put("h2", MigratedDatabases.pool(MigratedDatabases.h2("audit_log")));
	}

	@BeforeEach
	void emptyTrails() {
		databases.values().forEach((pool) -> new JdbcTemplate(pool).update("DELETE FROM audit_event"));
	}

	@AfterAll
	static void close() {
		databases.values().forEach(HikariDataSource::close);
	}

	@ParameterizedTest(name = "{0}")
	@ValueSource(strings = { "postgres", "h2" })
	void keepsQuotesAndBackslashesInNamesAndMessagesAsValidJson(String database) throws Exception {
		String actor = "o'brien \"the admin\" \\ ops";
		Map<String, Object> details = AuditDetails.of("file", "we\"ird\\name.yaml", "message",
				"HTTP 400: {\"error\":\"bad \\\"email\\\"\"}\nsecond line\ttab, ünïcode ✓", "attempt", 3, "remapped",
				true);
		record(database, new AuditEntry(NOW, actor, "mapping.loaded", "mapping", "contacts", details));

		Map<String, Object> row = jdbc(database).queryForMap("SELECT actor, details FROM audit_event");
		assertThat(row.get("actor")).isEqualTo(actor);
		assertThat(this.json.readValue((String) row.get("details"), OBJECT)).containsExactlyEntriesOf(details);
	}

	@ParameterizedTest(name = "{0}")
	@ValueSource(strings = { "postgres", "h2" })
	void writesTheDetailsInTheOrderTheyWereGivenWithoutTheAbsentOnes(String database) {
		record(database, new AuditEntry(NOW, "system", "delivery.retrying", "lead", "1",
				AuditDetails.of("destination", "hubspot-main", "attempt", 2, "http_status", null, "error_code", "E1")));
		record(database,
				new AuditEntry(NOW, "system", "lead.enriching", "lead", "2", AuditDetails.of("message", null)));
		record(database, new AuditEntry(NOW, "system", "page.deleted", "page", "3"));

		assertThat(jdbc(database).queryForList("SELECT details FROM audit_event ORDER BY subject_id", String.class))
			.containsExactly("{\"destination\":\"hubspot-main\",\"attempt\":2,\"error_code\":\"E1\"}", null, null);
	}

	@ParameterizedTest(name = "{0}")
	@ValueSource(strings = { "postgres", "h2" })
	void shortensTheLongestTextUntilTheDetailsFitTheirColumn(String database) throws Exception {
		// 1,000 quotes, as a CRM's error body may hold, are 2,000 characters escaped.
		String quotes = "\"".repeat(1000);
		record(database, new AuditEntry(NOW, "system", "lead.failed", "lead", "1",
				AuditDetails.of("destination", "hubspot-main", "message", quotes)));

		String stored = jdbc(database).queryForObject("SELECT details FROM audit_event", String.class);
		assertThat(stored).hasSizeLessThanOrEqualTo(DetailsJson.MAX_LENGTH);
		Map<String, Object> details = this.json.readValue(stored, OBJECT);
		assertThat(details).containsEntry("destination", "hubspot-main");
		assertThat(quotes).startsWith((String) details.get("message"));
		assertThat((String) details.get("message")).hasSizeGreaterThan(900);
	}

	@ParameterizedTest(name = "{0}")
	@ValueSource(strings = { "postgres", "h2" })
	void writesABatchInOneCall(String database) {
		new AuditLog(jdbc(database), this.json).recordAll(List.of(
				new AuditEntry(NOW, "meta", "lead_event.received", "lead", "1",
						AuditDetails.of("pageId", "100", "source", "webhook")),
				new AuditEntry(NOW, "meta", "lead_event.duplicate", "lead", "1",
						AuditDetails.of("pageId", "100", "source", "webhook"))));

		assertThat(jdbc(database).queryForList("SELECT action || ' ' || details FROM audit_event ORDER BY id",
				String.class))
			.containsExactly("lead_event.received {\"pageId\":\"100\",\"source\":\"webhook\"}",
					"lead_event.duplicate {\"pageId\":\"100\",\"source\":\"webhook\"}");
	}

	private void record(String database, AuditEntry entry) {
		new AuditLog(jdbc(database), this.json).record(entry);
	}

	private static JdbcTemplate jdbc(String database) {
		return new JdbcTemplate(databases.get(database));
	}

}
