package io.leadrelay.ingest;

import java.time.Clock;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.leadrelay.audit.AuditLog;
import org.junit.jupiter.api.BeforeEach;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * What tests of the lead event store share: the database beans a {@link LeadEventInbox}
 * is made of, and empty lead event and audit tables before each test.
 */
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
		this.jdbc.update("DELETE FROM lead_event");
		this.jdbc.update("DELETE FROM audit_event");
	}

}
