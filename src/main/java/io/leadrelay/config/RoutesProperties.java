package io.leadrelay.config;

import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where the operator's Camel routes are.
 *
 * @param directory the folder whose {@code *.yaml} route files add to the routes packaged
 * in the jar, or replace the packaged file of the same name; may be missing when it is
 * the default. Bound as text, not as a {@code Path}: Spring would read {@code routes} as
 * the classpath folder of that name (the packaged routes) whenever the classes are not in
 * a jar, as with {@code spring-boot:run}.
 */
@ConfigurationProperties("leadrelay.routes")
public record RoutesProperties(@DefaultValue(RoutesProperties.DEFAULT_DIRECTORY) String directory) {

	static final String DEFAULT_DIRECTORY = "routes";

	public RoutesProperties {
		if (directory.isBlank()) {
			throw new IllegalArgumentException("leadrelay.routes.directory must name a folder");
		}
	}

	/** The folder, relative to the working directory unless absolute. */
	Path folder() {
		return Path.of(this.directory);
	}

	/** Whether the folder is the default one, which need not exist. */
	boolean isDefaultDirectory() {
		return folder().normalize().equals(Path.of(DEFAULT_DIRECTORY));
	}

}
