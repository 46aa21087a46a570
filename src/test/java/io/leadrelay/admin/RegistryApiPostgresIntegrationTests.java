package io.leadrelay.admin;

import io.leadrelay.support.OnPostgres;

/**
 * Pages and destinations on PostgreSQL.
 */
@OnPostgres
class RegistryApiPostgresIntegrationTests extends RegistryApiIntegrationTests {

}
