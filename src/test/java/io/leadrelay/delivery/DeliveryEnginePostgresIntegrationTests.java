package io.leadrelay.delivery;

import io.leadrelay.support.OnPostgres;

/**
 * The delivery engine on PostgreSQL.
 */
@OnPostgres
class DeliveryEnginePostgresIntegrationTests extends DeliveryEngineIntegrationTests {

}
