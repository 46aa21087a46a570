package io.leadrelay.pipeline;

import io.leadrelay.support.OnPostgres;

/**
 * Mapping leads in groups on PostgreSQL.
 */
@OnPostgres
class LeadGroupMappingPostgresIntegrationTests extends LeadGroupMappingIntegrationTests {

}
