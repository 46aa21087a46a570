package io.leadrelay.ingest;

import io.leadrelay.support.EmbeddedPostgresSupport;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The ingest path on a real PostgreSQL server.
 */
class MetaWebhookPostgresIntegrationTests extends MetaWebhookIntegrationTests {

	@DynamicPropertySource
	static void postgres(DynamicPropertyRegistry registry) {
		EmbeddedPostgresSupport.register(registry, "webhook");
	}

}
