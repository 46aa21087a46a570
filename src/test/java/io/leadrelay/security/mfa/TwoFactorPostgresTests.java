package io.leadrelay.security.mfa;

import io.leadrelay.support.OnPostgres;

/** The same, on PostgreSQL. */
@OnPostgres
class TwoFactorPostgresTests extends TwoFactorTests {

}
