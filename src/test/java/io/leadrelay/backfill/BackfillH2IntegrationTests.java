package io.leadrelay.backfill;

/**
 * Reconciliation on H2.
 */
class BackfillH2IntegrationTests extends BackfillIntegrationTests {

}
