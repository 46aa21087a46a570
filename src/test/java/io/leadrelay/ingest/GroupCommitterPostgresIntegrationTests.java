package io.leadrelay.ingest;

import io.leadrelay.support.OnPostgres;

/**
 * Group commits on PostgreSQL.
 */
@OnPostgres
class GroupCommitterPostgresIntegrationTests extends GroupCommitterIntegrationTests {

}
