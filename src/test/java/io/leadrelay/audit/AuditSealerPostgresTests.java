package io.leadrelay.audit;

import io.leadrelay.support.OnPostgres;

/** Sealing the audit trail on PostgreSQL. */
@OnPostgres
class AuditSealerPostgresTests extends AuditSealerTests {

}
