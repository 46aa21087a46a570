package io.leadrelay.pipeline.web;

import io.leadrelay.support.OnPostgres;

/**
 * Reprocessing through the API on PostgreSQL.
 */
@OnPostgres
class ReprocessApiPostgresIntegrationTests extends ReprocessApiIntegrationTests {

}
