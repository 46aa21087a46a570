package io.leadrelay.audit.web;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.leadrelay.support.LeadRelayIntegrationTest;
import io.leadrelay.support.TableCleaner;
import io.leadrelay.support.TestUsers;
import io.leadrelay.support.WebhookClient;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The audit log through the API, written by the real engine (an admin managing users):
 * filters and cursor paging, refusals that name their parameter, and verification that
 * reports exactly the entry edited or the one after the entry deleted straight in the
 * database. Run on H2 and PostgreSQL by subclasses.
 */
@LeadRelayIntegrationTest
abstract class AuditApiIntegrationTests {

	static final String CHANGED = "its content was changed after it was written";

	static final String MISSING_BEFORE = "the entry before it is missing or was replaced";

	@LocalServerPort
	int port;

	@Autowired
	JdbcTemplate jdbc;

	final ObjectMapper json = new ObjectMapper();

	WebhookClient client;

	@BeforeEach
	void emptyTrail() throws Exception {
		this.client = new WebhookClient(this.port);
		TableCleaner.deleteAll(this.jdbc);
		for (String name : List.of("mia", "vic", "zoe")) {
			long id = this.json
				.readTree(admin("POST", "/api/v1/users", "{\"username\":\"" + name + "\",\"role\":\"VIEWER\"}").body())
				.at("/user/id")
				.asLong();
			admin("PUT", "/api/v1/users/" + id, "{\"role\":\"MARKETER\"}");
		}
	}

	@Test
	void reportsTheEntryEditedInTheDatabase() throws Exception {
		JsonNode intact = verify();
		long entries = this.jdbc.queryForObject("SELECT COUNT(*) FROM audit_event", Long.class);
		assertThat(entries).isGreaterThanOrEqualTo(6);
		assertThat(intact.get("intact").asBoolean()).isTrue();
		assertThat(intact.get("checked").asLong()).isEqualTo(entries);
		assertThat(intact.get("firstBroken").isNull()).isTrue();

		long edited = entryId("user.role_changed", "vic");
		long seq = this.jdbc.queryForObject("SELECT chain_seq FROM audit_event WHERE id = ?", Long.class, edited);
		this.jdbc.update("UPDATE audit_event SET details = '{\"from\":\"VIEWER\",\"to\":\"ADMIN\"}' WHERE id = ?",
				edited);

		JsonNode broken = verify();
		assertThat(broken.get("intact").asBoolean()).isFalse();
		assertThat(broken.get("checked").asLong()).isEqualTo(seq);
		assertThat(broken.at("/firstBroken/id").asLong()).isEqualTo(edited);
		assertThat(broken.at("/firstBroken/chainSeq").asLong()).isEqualTo(seq);
		assertThat(broken.at("/firstBroken/problem").asText()).isEqualTo(CHANGED);
	}

	@Test
	void reportsTheEntryAfterOneDeletedInTheDatabase() throws Exception {
		verify();
		long deleted = entryId("user.created", "vic");
		long seq = this.jdbc.queryForObject("SELECT chain_seq FROM audit_event WHERE id = ?", Long.class, deleted);
		long next = this.jdbc.queryForObject("SELECT id FROM audit_event WHERE chain_seq = ?", Long.class, seq + 1);
		this.jdbc.update("DELETE FROM audit_event WHERE id = ?", deleted);

		JsonNode broken = verify();
		assertThat(broken.get("intact").asBoolean()).isFalse();
		assertThat(broken.at("/firstBroken/id").asLong()).isEqualTo(next);
		assertThat(broken.at("/firstBroken/chainSeq").asLong()).isEqualTo(seq + 1);
		assertThat(broken.at("/firstBroken/problem").asText()).isEqualTo(MISSING_BEFORE);
	}

	@Test
	void staysIntactWhileTheEngineKeepsWriting() throws Exception {
		verify();
		admin("POST", "/api/v1/users", "{\"username\":\"amy\",\"role\":\"VIEWER\"}");
		JsonNode again = verify();
		assertThat(again.get("intact").asBoolean()).isTrue();
		assertThat(again.get("checked").asLong())
			.isEqualTo(this.jdbc.queryForObject("SELECT COUNT(*) FROM audit_event", Long.class));
	}

	@Test
	void filtersByActorActionObjectAndTimeNewestFirst() throws Exception {
		assertThat(actions(list("?action=user.role_changed"))).containsExactly("zoe", "vic", "mia");
		assertThat(actions(list("?actor=admin&subjectType=user&subjectId=vic"))).containsExactly("vic", "vic");
		assertThat(actions(list("?actor=nobody"))).isEmpty();
		assertThat(actions(list("?action=user.created&from=2000-01-01&to=2999-12-31"))).hasSize(3);
		assertThat(actions(list("?action=user.created&to=2000-01-01T00:00:00Z"))).isEmpty();
		JsonNode entry = list("?action=user.role_changed&subjectId=mia").get("items").get(0);
		assertThat(entry.get("actor").asText()).isEqualTo("admin");
		assertThat(entry.get("subjectType").asText()).isEqualTo("user");
		assertThat(entry.at("/details/to").asText()).isEqualTo("MARKETER");
		assertThat(entry.get("occurredAt").asText()).endsWith("Z");
	}

	@Test
	void pagesOlderByACursor() throws Exception {
		List<String> seen = new ArrayList<>();
		String cursor = "";
		for (int page = 0; page < 3; page++) {
			JsonNode slice = list("?subjectType=user&size=2" + cursor);
			seen.addAll(actions(slice));
			if (slice.get("nextBefore").isNull()) {
				break;
			}
			cursor = "&before=" + slice.get("nextBefore").asLong();
		}
		assertThat(seen).containsExactly("zoe", "zoe", "vic", "vic", "mia", "mia");
		List<Long> ids = this.jdbc
			.queryForList("SELECT id FROM audit_event WHERE subject_type = 'user' ORDER BY id DESC", Long.class);
		assertThat(list("?subjectType=user&size=2&before=" + ids.get(1)).at("/items/0/id").asLong())
			.isEqualTo(ids.get(2));
		assertThat(list("?subjectType=user&size=6").get("nextBefore").isNull()).isTrue();
	}

	@Test
	void refusesBadFiltersNamingTheParameter() throws Exception {
		assertRefused("?size=0", "size", "size must be between 1 and 200");
		assertRefused("?size=201", "size", "size must be between 1 and 200");
		assertRefused("?before=abc", "before", "before must be the id of an entry (a whole number above 0)");
		assertRefused("?from=yesterday", "from",
				"from must be a day such as 2026-12-04 or a moment such as 2026-12-04T10:00:00Z");
		assertRefused("?from=2026-12-05&to=2026-12-04", "to", "to must be after from");
		assertRefused("?actor=" + "a".repeat(65), "actor", "actor must be at most 64 characters");
	}

	@Test
	void isForAdminsOnly() throws Exception {
		TestUsers.replace(this.jdbc, "mark", "MARKETER");
		assertThat(this.client.get("/api/v1/audit", "mark", TestUsers.PASSWORD).statusCode()).isEqualTo(403);
		assertThat(this.client.call("POST", "/api/v1/audit/verify", null, "mark", TestUsers.PASSWORD).statusCode())
			.isEqualTo(403);
		assertThat(this.client.get("/api/v1/audit").statusCode()).isEqualTo(401);
	}

	private void assertRefused(String query, String field, String detail) throws Exception {
		HttpResponse<String> refused = admin("GET", "/api/v1/audit" + query, null);
		assertThat(refused.statusCode()).as(query).isEqualTo(400);
		JsonNode problem = this.json.readTree(refused.body());
		assertThat(problem.get("field").asText()).isEqualTo(field);
		assertThat(problem.get("detail").asText()).isEqualTo(detail);
	}

	private JsonNode verify() throws Exception {
		HttpResponse<String> verified = admin("POST", "/api/v1/audit/verify", null);
		assertThat(verified.statusCode()).isEqualTo(200);
		return this.json.readTree(verified.body());
	}

	private JsonNode list(String query) throws Exception {
		HttpResponse<String> listed = admin("GET", "/api/v1/audit" + query, null);
		assertThat(listed.statusCode()).as(listed.body()).isEqualTo(200);
		return this.json.readTree(listed.body());
	}

	private static List<String> actions(JsonNode slice) {
		List<String> subjects = new ArrayList<>();
		slice.get("items").forEach((item) -> subjects.add(item.get("subjectId").asText()));
		return subjects;
	}

	private long entryId(String action, String subjectId) {
		return this.jdbc.queryForObject("SELECT id FROM audit_event WHERE action = ? AND subject_id = ?", Long.class,
				action, subjectId);
	}

	private HttpResponse<String> admin(String method, String path, String body) {
		return this.client.call(method, path, body, "admin", LeadRelayIntegrationTest.ADMIN_PASSWORD);
	}

}
