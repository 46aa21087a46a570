package io.leadrelay.backfill;

import io.leadrelay.support.OnPostgres;

/**
 * Catching up with a form on PostgreSQL.
 */
@OnPostgres
class BackfillCatchUpPostgresIntegrationTests extends BackfillCatchUpIntegrationTests {

}
