package io.leadrelay.audit.web;

/** The audit log through the API on H2. */
class AuditApiH2IntegrationTests extends AuditApiIntegrationTests {

}
