package io.leadrelay.audit;

import java.time.Duration;

import javax.sql.DataSource;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;

/**
 * Seals audit entries a benchmark wrote in bulk, with the engine's own sealer, before the
 * engine starts (so that its first minutes are not spent sealing them).
 */
public final class BenchSealing {

	private BenchSealing() {
	}

	/** Seals every pending entry; returns how many. */
	public static int sealAll(DataSource data) {
		return new AuditSealer(new JdbcTemplate(data), new DataSourceTransactionManager(data),
				new AuditProperties(Duration.ofSeconds(1), 10_000))
			.sealPending();
	}

}
