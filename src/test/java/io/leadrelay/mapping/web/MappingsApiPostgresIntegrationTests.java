package io.leadrelay.mapping.web;

import io.leadrelay.support.EmbeddedPostgresSupport;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Mappings on PostgreSQL.
 */
class MappingsApiPostgresIntegrationTests extends MappingsApiIntegrationTests {

	@DynamicPropertySource
	static void postgres(DynamicPropertyRegistry registry) {
		EmbeddedPostgresSupport.register(registry, "mappings");
	}

}
