package io.leadrelay.security.users;

import io.leadrelay.support.OnPostgres;

/**
 * Users through the API on PostgreSQL.
 */
@OnPostgres
class UsersApiPostgresIntegrationTests extends UsersApiIntegrationTests {

}
