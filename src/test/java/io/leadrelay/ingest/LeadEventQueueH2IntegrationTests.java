package io.leadrelay.ingest;

/**
 * The lead event queue on H2.
 */
class LeadEventQueueH2IntegrationTests extends LeadEventQueueIntegrationTests {

}
