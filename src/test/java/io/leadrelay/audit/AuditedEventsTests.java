package io.leadrelay.audit;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

import javax.sql.DataSource;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.leadrelay.destination.DestinationChanged;
import io.leadrelay.mapping.MappingSaved;
import io.leadrelay.page.PageChanged;
import io.leadrelay.page.TokenStatus;
import io.leadrelay.security.Role;
import io.leadrelay.security.TokenChanged;
import io.leadrelay.security.UserChanged;
import io.leadrelay.security.UserCreated;
import io.leadrelay.support.MigratedDatabases;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.test.context.junit.jupiter.SpringJUnitConfig;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The audit trail records what pages, destinations, mappings and users announce, with the
 * actions and details the features used to write themselves, in the transaction of the
 * change.
 */
@SpringJUnitConfig(AuditedEventsTests.Beans.class)
class AuditedEventsTests {

	static final Instant NOW = Instant.parse("2026-03-01T10:00:00Z");

	@Autowired
	ApplicationEventPublisher events;

	@Autowired
	TransactionTemplate transactions;

	@Autowired
	JdbcTemplate jdbc;

	@BeforeEach
	void emptyTrail() {
		this.jdbc.update("DELETE FROM audit_event");
	}

	@Test
	void recordsPageChangesWithTheirActors() {
		publish(new PageChanged.Created("100200300400500", "mia"),
				new PageChanged.Updated("100200300400500", "mia", false),
				new PageChanged.TokenVerdictChanged("100200300400500", TokenStatus.NEEDS_TOKEN),
				new PageChanged.Deleted("100200300400500", "admin"));

		assertThat(trail()).containsExactly("mia page.created page 100200300400500 {\"tokenChanged\":true}",
				"mia page.updated page 100200300400500 {\"tokenChanged\":false}",
				"system page.token_needs_token page 100200300400500 -", "admin page.deleted page 100200300400500 -");
	}

	@Test
	void recordsDestinationChangesWithoutCredentials() {
		publish(new DestinationChanged.Created("pd", "mia", "pipedrive", true),
				new DestinationChanged.CredentialsRefused("pd"), new DestinationChanged.Updated("pd", "mia", true),
				new DestinationChanged.Deleted("pd", "admin", 0), new DestinationChanged.Deleted("hs", "admin", 3));

		assertThat(trail()).containsExactly(
				"mia destination.created destination pd {\"type\":\"pipedrive\",\"enabled\":true}",
				"system destination.needs_credentials destination pd -",
				"mia destination.updated destination pd {\"credentialsChanged\":true}",
				"admin destination.deleted destination pd -",
				"admin destination.deleted destination hs {\"deadDeliveries\":3}");
	}

	@Test
	void recordsMappingVersionsAtTheTimeTheyWereSaved() {
		Instant savedAt = NOW.minusSeconds(5);
		publish(new MappingSaved("contacts", 4, MappingSaved.Change.ROLLED_BACK, "mia", savedAt, 1, null),
				new MappingSaved("contacts", 5, MappingSaved.Change.LOADED, "system", savedAt, null,
						"we\"ird\\name.yaml"));

		assertThat(trail()).containsExactly(
				"mia mapping.rolled_back mapping contacts {\"version\":4,\"from_version\":1}",
				"system mapping.loaded mapping contacts {\"version\":5,\"file\":\"we\\\"ird\\\\name.yaml\"}");
		assertThat(this.jdbc.queryForList("SELECT occurred_at FROM audit_event", OffsetDateTime.class))
			.allMatch((occurredAt) -> occurredAt.toInstant().equals(savedAt));
	}

	@Test
	void recordsCreatedUsers() {
		publish(new UserCreated("admin", Role.ADMIN, "system", "bootstrap"));

		assertThat(trail())
			.containsExactly("system user.created user admin {\"role\":\"ADMIN\",\"reason\":\"bootstrap\"}");
	}

	@Test
	void recordsCreatedAndRevokedTokens() {
		publish(new TokenChanged.Created(7, "nightly export", "mia", "mia", Instant.parse("2026-06-01T10:00:00Z")),
				new TokenChanged.Revoked(7, "nightly export", "mia", "mia"));

		assertThat(trail()).containsExactly(
				"mia token.created api_token 7 {\"owner\":\"mia\",\"name\":\"nightly export\","
						+ "\"expiresAt\":\"2026-06-01T10:00:00Z\"}",
				"mia token.revoked api_token 7 {\"owner\":\"mia\",\"name\":\"nightly export\"}");
	}

	@Test
	void recordsAdminsChangesToUsers() {
		publish(new UserChanged.RoleChanged("mia", "admin", Role.VIEWER, Role.MARKETER),
				new UserChanged.Disabled("mia", "admin"), new UserChanged.Enabled("mia", "ada"),
				new UserChanged.PasswordReset("mia", "admin"));

		assertThat(trail()).containsExactly(
				"admin user.role_changed user mia {\"from\":\"VIEWER\",\"to\":\"MARKETER\"}",
				"admin user.disabled user mia -", "ada user.enabled user mia -",
				"admin user.password_reset user mia -");
	}

	@Test
	void writesTheEntryInThePublishersTransaction() {
		this.transactions.executeWithoutResult((status) -> {
			this.events.publishEvent(new PageChanged.Deleted("100200300400500", "admin"));
			assertThat(trail()).hasSize(1);
			status.setRollbackOnly();
		});

		assertThat(trail()).isEmpty();
	}

	private void publish(Object... changes) {
		this.transactions.executeWithoutResult((status) -> List.of(changes).forEach(this.events::publishEvent));
	}

	private List<String> trail() {
		return this.jdbc.query("SELECT actor, action, subject_type, subject_id, details FROM audit_event ORDER BY id",
				(rs, row) -> String.join(" ", rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
						(rs.getString(5) != null) ? rs.getString(5) : "-"));
	}

	@Configuration(proxyBeanMethods = false)
	@Import({ AuditLog.class, AuditedEvents.class })
	static class Beans {

		@Bean
		DataSource dataSource() {
			return MigratedDatabases.pool(MigratedDatabases.h2("audited_events"));
		}

		@Bean
		JdbcTemplate jdbcTemplate(DataSource dataSource) {
			return new JdbcTemplate(dataSource);
		}

		@Bean
		PlatformTransactionManager transactionManager(DataSource dataSource) {
			return new DataSourceTransactionManager(dataSource);
		}

		@Bean
		TransactionTemplate transactionTemplate(PlatformTransactionManager transactionManager) {
			return new TransactionTemplate(transactionManager);
		}

		@Bean
		ObjectMapper objectMapper() {
			return new ObjectMapper();
		}

		@Bean
		Clock clock() {
			return Clock.fixed(NOW, ZoneOffset.UTC);
		}

	}

}
