package io.leadrelay.mapping.web;

/**
 * Mappings on H2.
 */
class MappingsApiH2IntegrationTests extends MappingsApiIntegrationTests {

}
