package io.leadrelay.admin;

/**
 * Pages and destinations on H2.
 */
class RegistryApiH2IntegrationTests extends RegistryApiIntegrationTests {

}
