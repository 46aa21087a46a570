package io.leadrelay.mapping.web;

import io.leadrelay.support.OnPostgres;

/**
 * Mappings on PostgreSQL.
 */
@OnPostgres
class MappingsApiPostgresIntegrationTests extends MappingsApiIntegrationTests {

}
