package io.leadrelay.web;

import io.leadrelay.support.EmbeddedPostgresSupport;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Pages and destinations on PostgreSQL.
 */
class RegistryApiPostgresIntegrationTests extends RegistryApiIntegrationTests {

	@DynamicPropertySource
	static void postgres(DynamicPropertyRegistry registry) {
		EmbeddedPostgresSupport.register(registry, "registry");
	}

}
