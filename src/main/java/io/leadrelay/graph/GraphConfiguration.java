package io.leadrelay.graph;

import java.time.Clock;
import java.util.List;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.leadrelay.meta.MetaProperties;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class GraphConfiguration {

	@Bean
	GraphClient graphClient(GraphProperties properties, MetaProperties meta, ObjectMapper json, Clock clock) {
		GraphHttp http = new GraphHttp(properties, currentSecret(meta.appSecrets()), json,
				new UsageGuard(properties.usageThreshold(), properties.usagePause(), clock, json));
		return new GraphClient(http, properties.appId(),
				Caffeine.newBuilder()
					.maximumSize(properties.cacheSize())
					.expireAfterWrite(properties.cacheTtl())
					.build(),
				Caffeine.newBuilder()
					.maximumSize(properties.cacheSize())
					.expireAfterWrite(properties.cacheTtl())
					.build());
	}

	/**
	 * While a secret is rotated both are listed; the new one goes last, and signs the
	 * appsecret_proof.
	 */
	private static String currentSecret(List<String> appSecrets) {
		return appSecrets.isEmpty() ? null : appSecrets.get(appSecrets.size() - 1);
	}

}
