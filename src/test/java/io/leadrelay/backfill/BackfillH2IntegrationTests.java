package io.leadrelay.backfill;

import org.springframework.test.context.TestPropertySource;

/**
 * Reconciliation on H2.
 */
@TestPropertySource(properties = "spring.datasource.url=jdbc:h2:mem:backfill;DB_CLOSE_DELAY=-1")
class BackfillH2IntegrationTests extends BackfillIntegrationTests {

}
