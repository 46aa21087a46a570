package io.leadrelay.pipeline;

import org.springframework.test.context.TestPropertySource;

/**
 * The pipeline on H2.
 */
@TestPropertySource(properties = "spring.datasource.url=jdbc:h2:mem:pipeline;DB_CLOSE_DELAY=-1")
class PipelineH2IntegrationTests extends PipelineIntegrationTests {

}
