package io.leadrelay.delivery;

import io.leadrelay.support.EmbeddedPostgresSupport;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The delivery engine on PostgreSQL.
 */
class DeliveryEnginePostgresIntegrationTests extends DeliveryEngineIntegrationTests {

	@DynamicPropertySource
	static void postgres(DynamicPropertyRegistry registry) {
		EmbeddedPostgresSupport.register(registry, "deliveries");
	}

}
