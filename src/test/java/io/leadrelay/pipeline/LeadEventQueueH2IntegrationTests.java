package io.leadrelay.pipeline;

import org.springframework.test.context.TestPropertySource;

/**
 * The lead event queue on H2.
 */
@TestPropertySource(properties = "spring.datasource.url=jdbc:h2:mem:queue;DB_CLOSE_DELAY=-1")
class LeadEventQueueH2IntegrationTests extends LeadEventQueueIntegrationTests {

}
