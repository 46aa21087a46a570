package io.leadrelay.admin;

import io.leadrelay.support.OnPostgres;

/**
 * Mappings on PostgreSQL.
 */
@OnPostgres
class MappingsApiPostgresIntegrationTests extends MappingsApiIntegrationTests {

}
