package io.leadrelay.web;

import io.leadrelay.support.OnPostgres;

/**
 * Pages and destinations on PostgreSQL.
 */
@OnPostgres
class RegistryApiPostgresIntegrationTests extends RegistryApiIntegrationTests {

}
