package io.leadrelay.store;

import java.nio.file.Path;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where the engine keeps its data when no database is configured.
 *
 * @param directory the folder of the embedded PostgreSQL (its data, binaries and
 * password)
 * @param startupTimeout how long the embedded PostgreSQL may take to start (recovery
 * after a crash included)
 */
@ConfigurationProperties("leadrelay.store")
public record StoreProperties(@DefaultValue("data") Path directory, @DefaultValue("60s") Duration startupTimeout) {

	public StoreProperties {
		if (startupTimeout.isNegative() || startupTimeout.isZero()) {
			throw new IllegalArgumentException("leadrelay.store.startup-timeout must be positive");
		}
	}

}
