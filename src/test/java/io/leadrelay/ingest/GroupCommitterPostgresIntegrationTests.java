package io.leadrelay.ingest;

import io.leadrelay.support.EmbeddedPostgresSupport;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Group commits on PostgreSQL.
 */
class GroupCommitterPostgresIntegrationTests extends GroupCommitterIntegrationTests {

	@DynamicPropertySource
	static void postgres(DynamicPropertyRegistry registry) {
		EmbeddedPostgresSupport.register(registry, "group_commit");
	}

}
