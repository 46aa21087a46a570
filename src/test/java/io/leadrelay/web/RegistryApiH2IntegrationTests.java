package io.leadrelay.web;

import org.springframework.test.context.TestPropertySource;

/**
 * Pages and destinations on H2.
 */
@TestPropertySource(properties = "spring.datasource.url=jdbc:h2:mem:registry;DB_CLOSE_DELAY=-1")
class RegistryApiH2IntegrationTests extends RegistryApiIntegrationTests {

}
