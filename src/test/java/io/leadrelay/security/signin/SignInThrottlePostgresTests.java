package io.leadrelay.security.signin;

import io.leadrelay.support.OnPostgres;

/**
 * Failed sign-ins counted in PostgreSQL.
 */
@OnPostgres
class SignInThrottlePostgresTests extends SignInThrottleTests {

}
