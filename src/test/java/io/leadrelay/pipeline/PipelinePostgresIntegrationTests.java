package io.leadrelay.pipeline;

import io.leadrelay.support.OnPostgres;

/**
 * The pipeline on PostgreSQL.
 */
@OnPostgres
class PipelinePostgresIntegrationTests extends PipelineIntegrationTests {

}
