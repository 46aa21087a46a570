package io.leadrelay.privacy;

import io.leadrelay.support.OnPostgres;

/**
 * The suppression secret on PostgreSQL, where engines making it at once meet on its key.
 */
@OnPostgres
class SuppressionSecretPostgresTests extends SuppressionSecretTests {

}
