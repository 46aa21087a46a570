package io.leadrelay.mapping.web;

import org.springframework.test.context.TestPropertySource;

/**
 * Mappings on H2.
 */
@TestPropertySource(properties = "spring.datasource.url=jdbc:h2:mem:mappings;DB_CLOSE_DELAY=-1")
class MappingsApiH2IntegrationTests extends MappingsApiIntegrationTests {

}
