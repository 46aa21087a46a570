package io.leadrelay.backfill;

import io.leadrelay.support.OnPostgres;

/**
 * Reconciliation on PostgreSQL.
 */
@OnPostgres
class BackfillPostgresIntegrationTests extends BackfillIntegrationTests {

}
