package io.leadrelay.alert.checks;

import io.leadrelay.support.OnPostgres;

/** The same, on PostgreSQL. */
@OnPostgres
class SilentPagesCheckPostgresTests extends SilentPagesCheckIntegrationTests {

}
