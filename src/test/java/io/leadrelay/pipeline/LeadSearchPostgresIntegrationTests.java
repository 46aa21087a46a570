package io.leadrelay.pipeline;

import io.leadrelay.support.OnPostgres;

/**
 * Lead search and keyset paging on PostgreSQL, whose collation orders words other than H2
 * does.
 */
@OnPostgres
class LeadSearchPostgresIntegrationTests extends LeadSearchIntegrationTests {

}
