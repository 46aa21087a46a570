package io.leadrelay.ingest;

import io.leadrelay.support.EmbeddedPostgresSupport;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The lead event queue on PostgreSQL.
 */
class LeadEventQueuePostgresIntegrationTests extends LeadEventQueueIntegrationTests {

	@DynamicPropertySource
	static void postgres(DynamicPropertyRegistry registry) {
		String url = EmbeddedPostgresSupport.newDatabase("queue");
		registry.add("spring.datasource.url", () -> url);
		registry.add("spring.datasource.username", () -> "postgres");
		registry.add("spring.datasource.password", () -> "");
	}

}
