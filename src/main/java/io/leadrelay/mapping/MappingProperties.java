package io.leadrelay.mapping;

import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where mapping files are read from.
 *
 * @param directory the folder whose {@code *.yaml} files are read at start-up
 */
@ConfigurationProperties("leadrelay.mapping")
public record MappingProperties(@DefaultValue("mappings") Path directory) {

}
