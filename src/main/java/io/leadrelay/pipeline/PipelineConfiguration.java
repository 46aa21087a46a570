package io.leadrelay.pipeline;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import io.leadrelay.graph.GraphProperties;
import org.apache.camel.ProducerTemplate;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Wires the {@code pipeline} bean the routes call. Its worker pools are its own, not
 * beans: an {@code Executor} bean would replace Spring Boot's task executor, which
 * Camel's platform-http serves requests on. The mappers (each holding a database
 * connection while it stores a lead) are {@code leadrelay.pipeline.concurrency}; the
 * readers (each waiting for one Graph API call) are
 * {@code leadrelay.graph.max-concurrent-calls}.
 */
@Configuration(proxyBeanMethods = false)
class PipelineConfiguration {

	@Bean(destroyMethod = "shutdown")
	Pipeline pipeline(LeadEventQueue queue, LeadEnricher enricher, PipelineProperties properties, GraphProperties graph,
			ProducerTemplate producer) {
		return new Pipeline(queue, enricher, properties, pool("pipeline-", properties.concurrency()),
				pool("pipeline-graph-", graph.maxConcurrentCalls()), new CamelPipelineWakeups(producer));
	}

	private static ExecutorService pool(String name, int threads) {
		AtomicInteger count = new AtomicInteger();
		return Executors.newFixedThreadPool(threads, (work) -> new Thread(work, name + count.incrementAndGet()));
	}

}
