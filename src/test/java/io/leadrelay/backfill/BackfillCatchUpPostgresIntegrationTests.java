package io.leadrelay.backfill;

import io.leadrelay.support.EmbeddedPostgresSupport;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Catching up with a form on PostgreSQL.
 */
class BackfillCatchUpPostgresIntegrationTests extends BackfillCatchUpIntegrationTests {

	@DynamicPropertySource
	static void postgres(DynamicPropertyRegistry registry) {
		EmbeddedPostgresSupport.register(registry, "backfill_catch_up");
	}

}
