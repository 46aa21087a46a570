package io.leadrelay.store;

import com.zaxxer.hikari.HikariDataSource;

import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.SpringProperties;

/**
 * With no {@code spring.datasource.url} configured, the engine runs on its own embedded
 * PostgreSQL; Spring Boot's data source settings ({@code spring.datasource.hikari.*})
 * still apply to the pool.
 */
@Configuration(proxyBeanMethods = false)
@Conditional(NoDatabaseConfigured.class)
class EmbeddedStoreConfiguration {

	@Bean(destroyMethod = "close")
	EmbeddedStore embeddedStore(StoreProperties properties) {
		return EmbeddedStore.start(properties);
	}

	@Bean
	@ConfigurationProperties("spring.datasource.hikari")
	HikariDataSource dataSource(EmbeddedStore store) {
		HikariDataSource dataSource = new HikariDataSource();
		dataSource.setJdbcUrl(store.jdbcUrl());
		dataSource.setUsername(EmbeddedStore.USER);
		dataSource.setPassword(store.password());
		return dataSource;
	}

	@Bean
	SmartInitializingSingleton embeddedStoreTrainingRunStop(EmbeddedStore store, HikariDataSource dataSource) {
		return new TrainingRunStop(SpringProperties.getProperty(TrainingRunStop.EXIT_PROPERTY), dataSource, store);
	}

}
