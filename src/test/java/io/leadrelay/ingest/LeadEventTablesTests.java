package io.leadrelay.ingest;

import java.time.Clock;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.leadrelay.audit.AuditLog;
import io.leadrelay.support.LeadRelayJdbcTest;
import io.leadrelay.support.TableCleaner;
import org.junit.jupiter.api.BeforeEach;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.autoconfigure.jackson.JacksonAutoConfiguration;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * What tests of the lead event store share: the database beans a {@link LeadEventInbox}
 * is made of, the queue, and empty tables before each test. A JDBC slice: no web, no
 * Camel, no pipeline.
 */
@LeadRelayJdbcTest
@Import(AuditLog.class)
@ImportAutoConfiguration(JacksonAutoConfiguration.class)
abstract class LeadEventTablesTests {

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	TransactionTemplate transactions;

	@Autowired
	AuditLog audit;

	@Autowired
	ObjectMapper json;

	@Autowired
	Clock clock;

	@BeforeEach
	void clean() {
		TableCleaner.deleteAll(this.jdbc);
	}

}
