package io.leadrelay.web;

/**
 * Pages and destinations on H2.
 */
class RegistryApiH2IntegrationTests extends RegistryApiIntegrationTests {

}
