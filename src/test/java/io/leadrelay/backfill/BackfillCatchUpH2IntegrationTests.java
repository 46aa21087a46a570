package io.leadrelay.backfill;

/**
 * Catching up with a form on H2.
 */
class BackfillCatchUpH2IntegrationTests extends BackfillCatchUpIntegrationTests {

}
