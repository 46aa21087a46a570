package io.leadrelay.pipeline;

import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Wires the {@code pipeline} bean the routes call. Its worker pool is its own, not a
 * bean: an {@code Executor} bean would replace Spring Boot's task executor, which Camel's
 * platform-http serves requests on.
 */
@Configuration(proxyBeanMethods = false)
class PipelineConfiguration {

	@Bean(destroyMethod = "shutdown")
	Pipeline pipeline(LeadEventQueue queue, LeadEnricher enricher, PipelineProperties properties) {
		AtomicInteger count = new AtomicInteger();
		return new Pipeline(queue, enricher, properties, Executors.newFixedThreadPool(properties.concurrency(),
				(work) -> new Thread(work, "pipeline-" + count.incrementAndGet())));
	}

}
