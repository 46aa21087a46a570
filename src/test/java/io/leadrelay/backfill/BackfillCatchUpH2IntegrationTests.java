package io.leadrelay.backfill;

import org.springframework.test.context.TestPropertySource;

/**
 * Catching up with a form on H2.
 */
@TestPropertySource(properties = "spring.datasource.url=jdbc:h2:mem:backfill-catch-up;DB_CLOSE_DELAY=-1")
class BackfillCatchUpH2IntegrationTests extends BackfillCatchUpIntegrationTests {

}
