package io.leadrelay.audit.web;

import io.leadrelay.support.OnPostgres;

/** The audit log through the API on PostgreSQL. */
@OnPostgres
class AuditApiPostgresIntegrationTests extends AuditApiIntegrationTests {

}
