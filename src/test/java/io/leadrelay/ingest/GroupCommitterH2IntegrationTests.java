package io.leadrelay.ingest;

/**
 * Group commits on H2.
 */
class GroupCommitterH2IntegrationTests extends GroupCommitterIntegrationTests {

}
