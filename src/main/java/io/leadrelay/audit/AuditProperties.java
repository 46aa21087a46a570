package io.leadrelay.audit;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The audit trail's hash chain.
 *
 * @param sealInterval how long each engine waits between two rounds of sealing new
 * entries into the chain (write it like 1s or 500ms)
 * @param sealBatchSize how many entries one transaction seals at most
 */
@ConfigurationProperties("leadrelay.audit")
public record AuditProperties(@DefaultValue("1s") Duration sealInterval, @DefaultValue("1000") int sealBatchSize) {

	public AuditProperties {
		if (sealInterval.compareTo(Duration.ofMillis(100)) < 0 || sealInterval.compareTo(Duration.ofHours(1)) > 0) {
			throw new IllegalArgumentException("leadrelay.audit.seal-interval must be between 100ms and 1h");
		}
		if (sealBatchSize < 1 || sealBatchSize > 10_000) {
			throw new IllegalArgumentException("leadrelay.audit.seal-batch-size must be between 1 and 10000");
		}
	}

}
