package io.leadrelay.admin;

/**
 * Mappings on H2.
 */
class MappingsApiH2IntegrationTests extends MappingsApiIntegrationTests {

}
