package io.leadrelay.ingest;

import io.leadrelay.support.OnPostgres;

/**
 * The ingest path on a real PostgreSQL server.
 */
@OnPostgres
class MetaWebhookPostgresIntegrationTests extends MetaWebhookIntegrationTests {

}
