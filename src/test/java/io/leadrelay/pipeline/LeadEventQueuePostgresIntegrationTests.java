package io.leadrelay.pipeline;

import io.leadrelay.support.EmbeddedPostgresSupport;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The lead event queue on PostgreSQL.
 */
class LeadEventQueuePostgresIntegrationTests extends LeadEventQueueIntegrationTests {

	@DynamicPropertySource
	static void postgres(DynamicPropertyRegistry registry) {
		EmbeddedPostgresSupport.register(registry, "queue");
	}

}
