package io.leadrelay.dashboard;

import io.leadrelay.support.OnPostgres;

/** The dashboard's figures read from known rows on PostgreSQL. */
@OnPostgres
class DashboardQueriesPostgresTests extends DashboardQueriesTests {

}
