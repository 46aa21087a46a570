package io.leadrelay.cluster;

import java.lang.management.ManagementFactory;
import java.time.Clock;

import javax.sql.DataSource;

import net.javacrumbs.shedlock.core.DefaultLockingTaskExecutor;
import net.javacrumbs.shedlock.provider.jdbctemplate.JdbcTemplateLockProvider;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Wires the {@code clusterJobs} policy that timer routes wrap their steps in: ShedLock
 * locks in the {@code shedlock} table, timed by the database's clock.
 */
@Configuration(proxyBeanMethods = false)
class ClusterConfiguration {

	@Bean
	ClusterJobs clusterJobs(DataSource dataSource, ClusterProperties properties, Clock clock) {
		return new ClusterJobs(new DefaultLockingTaskExecutor(lockProvider(dataSource, engineName())), properties,
				clock);
	}

	static JdbcTemplateLockProvider lockProvider(DataSource dataSource, String engine) {
		return new JdbcTemplateLockProvider(JdbcTemplateLockProvider.Configuration.builder()
			.withJdbcTemplate(new JdbcTemplate(dataSource))
			.withTableName("shedlock")
			.withLockedByValue(engine)
			.usingDbTime()
			.build());
	}

	/** Who holds a lock, for whoever reads the table: process id and host. */
	private static String engineName() {
		return ManagementFactory.getRuntimeMXBean().getName();
	}

}
