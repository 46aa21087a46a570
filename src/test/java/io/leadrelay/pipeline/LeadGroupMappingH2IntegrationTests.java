package io.leadrelay.pipeline;

/**
 * Mapping leads in groups on H2.
 */
class LeadGroupMappingH2IntegrationTests extends LeadGroupMappingIntegrationTests {

}
