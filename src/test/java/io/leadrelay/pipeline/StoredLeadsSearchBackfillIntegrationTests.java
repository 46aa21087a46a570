package io.leadrelay.pipeline;

import java.sql.Connection;
import java.time.OffsetDateTime;

import javax.sql.DataSource;

import db.migration.V18_1__Index_stored_leads_for_search;

import io.leadrelay.support.LeadRelayJdbcTest;
import io.leadrelay.support.TableCleaner;
import org.flywaydb.core.api.configuration.Configuration;
import org.flywaydb.core.api.migration.Context;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Leads stored before search existed become findable: V18_1 fills their search terms.
 */
@LeadRelayJdbcTest
class StoredLeadsSearchBackfillIntegrationTests {

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	DataSource dataSource;

	@Test
	void fillsTheSearchTermsOfLeadsStoredBefore() throws Exception {
		TableCleaner.deleteAll(this.jdbc);
		for (int i = 0; i < 1500; i++) {
			this.jdbc.update("""
					INSERT INTO lead (leadgen_id, page_id, answers, enriched_at) VALUES (?, '1', ?, ?)""",
					String.valueOf(930000000000000L + i),
					"{\"email\":[\"Person" + i + "@Example.com\"],\"full_name\":[\"Ada Lovelace\"],"
							+ "\"phone_number\":[\"+44 20 7946 " + i + "\"]}",
					OffsetDateTime.now());
		}
		try (Connection connection = this.dataSource.getConnection()) {
			new V18_1__Index_stored_leads_for_search().migrate(context(connection));
		}
		assertThat(this.jdbc.queryForObject("SELECT COUNT(*) FROM lead_contact", Integer.class)).isEqualTo(1500 * 4);
		assertThat(this.jdbc.queryForList(
				"SELECT kind || ':' || term FROM lead_contact WHERE leadgen_id = '930000000000007' ORDER BY kind, term",
				String.class))
			.containsExactly("email:person7@example.com", "name:ada", "name:lovelace", "phone:44207946" + "7");
	}

	private static Context context(Connection connection) {
		return new Context() {

			@Override
			public Configuration getConfiguration() {
				return null;
			}

			@Override
			public Connection getConnection() {
				return connection;
			}

		};
	}

}
