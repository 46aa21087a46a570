package io.leadrelay.pipeline;

/**
 * Lead search and keyset paging on H2.
 */
class LeadSearchH2IntegrationTests extends LeadSearchIntegrationTests {

}
