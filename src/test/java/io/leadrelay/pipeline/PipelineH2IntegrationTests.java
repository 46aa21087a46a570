package io.leadrelay.pipeline;

/**
 * The pipeline on H2.
 */
class PipelineH2IntegrationTests extends PipelineIntegrationTests {

}
