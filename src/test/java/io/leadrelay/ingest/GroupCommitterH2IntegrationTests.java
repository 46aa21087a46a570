package io.leadrelay.ingest;

import org.springframework.test.context.TestPropertySource;

/**
 * Group commits on H2.
 */
@TestPropertySource(properties = "spring.datasource.url=jdbc:h2:mem:group-commit;DB_CLOSE_DELAY=-1")
class GroupCommitterH2IntegrationTests extends GroupCommitterIntegrationTests {

}
