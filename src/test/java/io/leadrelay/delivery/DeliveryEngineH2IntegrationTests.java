package io.leadrelay.delivery;

/**
 * The delivery engine on H2.
 */
class DeliveryEngineH2IntegrationTests extends DeliveryEngineIntegrationTests {

}
