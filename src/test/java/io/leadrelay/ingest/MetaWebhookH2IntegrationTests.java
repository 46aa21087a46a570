package io.leadrelay.ingest;

import java.util.UUID;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The ingest path on the embedded default: H2 in file mode.
 */
class MetaWebhookH2IntegrationTests extends MetaWebhookIntegrationTests {

	@DynamicPropertySource
	static void h2File(DynamicPropertyRegistry registry) {
		registry.add("spring.datasource.url",
				() -> "jdbc:h2:file:./target/test-h2/webhook-" + UUID.randomUUID() + ";WRITE_DELAY=0");
	}

}
