package io.leadrelay.mapping;

import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where mapping files are read from.
 *
 * @param directory the folder whose {@code *.yaml} files are read at start-up; may be
 * missing when it is the default
 */
@ConfigurationProperties("leadrelay.mapping")
public record MappingProperties(@DefaultValue(MappingProperties.DEFAULT_DIRECTORY) Path directory) {

	static final String DEFAULT_DIRECTORY = "mappings";

	/** Whether the folder is the default one, which need not exist. */
	boolean isDefaultDirectory() {
		return this.directory.normalize().equals(Path.of(DEFAULT_DIRECTORY));
	}

}
