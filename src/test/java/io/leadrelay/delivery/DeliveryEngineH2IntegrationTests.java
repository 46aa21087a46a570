package io.leadrelay.delivery;

import org.springframework.test.context.TestPropertySource;

/**
 * The delivery engine on H2.
 */
@TestPropertySource(properties = "spring.datasource.url=jdbc:h2:mem:deliveries;DB_CLOSE_DELAY=-1")
class DeliveryEngineH2IntegrationTests extends DeliveryEngineIntegrationTests {

}
