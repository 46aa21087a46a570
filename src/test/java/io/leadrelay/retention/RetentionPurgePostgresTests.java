package io.leadrelay.retention;

import io.leadrelay.support.OnPostgres;

/** The retention purge on PostgreSQL (row locks, LIMIT in subqueries, keyset paging). */
@OnPostgres
class RetentionPurgePostgresTests extends RetentionPurgeTests {

}
