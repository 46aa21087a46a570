package io.leadrelay.pipeline;

/**
 * The lead event queue on H2.
 */
class LeadEventQueueH2IntegrationTests extends LeadEventQueueIntegrationTests {

}
