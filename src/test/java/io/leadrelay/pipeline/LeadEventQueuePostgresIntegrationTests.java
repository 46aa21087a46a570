package io.leadrelay.pipeline;

import io.leadrelay.support.OnPostgres;

/**
 * The lead event queue on PostgreSQL.
 */
@OnPostgres
class LeadEventQueuePostgresIntegrationTests extends LeadEventQueueIntegrationTests {

}
