package io.leadrelay.privacy;

import io.leadrelay.support.OnPostgres;

/**
 * Finding, exporting and erasing a person on PostgreSQL.
 */
@OnPostgres
class PersonErasurePostgresIntegrationTests extends PersonErasureIntegrationTests {

}
