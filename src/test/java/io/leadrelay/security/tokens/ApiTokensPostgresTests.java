package io.leadrelay.security.tokens;

import io.leadrelay.support.MigratedDatabases;

/**
 * {@link ApiTokensTests} on PostgreSQL.
 */
class ApiTokensPostgresTests extends ApiTokensTests {

	@Override
	String databaseUrl() {
		return MigratedDatabases.postgres("api_tokens");
	}

}
