package io.leadrelay.ingest;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Limits of the webhook endpoint.
 *
 * @param maxBodySize largest POST body accepted; larger bodies get 413 without being read
 */
@ConfigurationProperties("leadrelay.ingest")
public record IngestProperties(@DefaultValue("1MB") DataSize maxBodySize) {

	static final DataSize LOWEST = DataSize.ofKilobytes(1);

	static final DataSize HIGHEST = DataSize.ofMegabytes(64);

	public IngestProperties {
		if (maxBodySize.compareTo(LOWEST) < 0 || maxBodySize.compareTo(HIGHEST) > 0) {
			throw new IllegalArgumentException("leadrelay.ingest.max-body-size must be between 1KB and 64MB, was "
					+ maxBodySize.toBytes() + " bytes");
		}
	}

}
