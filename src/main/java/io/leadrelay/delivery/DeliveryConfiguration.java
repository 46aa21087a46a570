package io.leadrelay.delivery;

import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Wires the {@code deliveryEngine} bean the routes call, with a worker pool and a claimer
 * thread of its own (not an {@code Executor} bean, which would replace the one
 * platform-http serves on).
 */
@Configuration(proxyBeanMethods = false)
class DeliveryConfiguration {

	/**
	 * The guard every connector's calls pass, allowing the networks ops listed in
	 * {@value NetworkGuard#ALLOWED_NETWORKS}.
	 */
	@Bean
	NetworkGuard networkGuard(DeliveryProperties properties, ObjectProvider<HostResolver> resolver) {
		return new NetworkGuard(properties.allowedNetworks(), resolver.getIfAvailable(() -> HostResolver.SYSTEM));
	}

	@Bean(destroyMethod = "shutdown")
	DeliveryEngine deliveryEngine(DeliveryQueue queue, DestinationDispatcher dispatcher,
			DeliveryProperties properties) {
		AtomicInteger count = new AtomicInteger();
		return new DeliveryEngine(queue, dispatcher, properties,
				Executors.newFixedThreadPool(properties.concurrency(),
						(work) -> new Thread(work, "delivery-" + count.incrementAndGet())),
				Executors.newSingleThreadExecutor((work) -> new Thread(work, "delivery-claims")));
	}

}
