package io.leadrelay.config;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;

import org.apache.commons.logging.Log;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.boot.logging.DeferredLogFactory;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * Decides which Camel route files are loaded, so that the jar starts from any folder: the
 * files packaged in the jar ({@code classpath:routes/*.yaml}, copied there from the
 * repository's {@code routes/}) are the defaults; a file in the routes folder
 * ({@code leadrelay.routes.directory}) with the same name replaces the packaged one, any
 * other file adds its routes. The result becomes Camel's
 * {@code camel.main.routes-include-pattern}, unless the operator set that key: then
 * exactly the routes it names are loaded, as before.
 * <p>
 * The default folder may be missing (the packaged routes are used); a folder the operator
 * configured must exist.
 */
class RouteFiles implements EnvironmentPostProcessor, Ordered {

	static final String INCLUDE_PATTERN = "camel.main.routes-include-pattern";

	static final String DIRECTORY = "leadrelay.routes.directory";

	private static final String PACKAGED = "classpath*:routes/*.yaml";

	private final Log log;

	RouteFiles(DeferredLogFactory logs) {
		this.log = logs.getLog(RouteFiles.class);
	}

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		Binder binder = Binder.get(environment);
		if (binder.bind(INCLUDE_PATTERN, String.class).isBound()) {
			this.log.info(INCLUDE_PATTERN + " is set: Camel loads exactly the routes it names, not " + DIRECTORY);
			return;
		}
		RoutesProperties routes = binder.bindOrCreate("leadrelay.routes", RoutesProperties.class);
		Path folder = routes.folder();
		boolean present = Files.isDirectory(folder);
		if (!present && !routes.isDefaultDirectory()) {
			throw InvalidSetupException.missingFolder(DIRECTORY, folder,
					"only the routes packaged in the jar are loaded");
		}
		List<String> own = present ? yamlNames(folder) : List.of();
		List<String> fromJar = packagedNames(application.getClassLoader()).stream()
			.filter((name) -> !own.contains(name))
			.toList();
		List<String> include = new ArrayList<>(fromJar.stream().map("classpath:routes/"::concat).toList());
		if (present) {
			include.add("file:" + folder + "/*.yaml");
		}
		if (!include.isEmpty()) {
			environment.getPropertySources()
				.addLast(new MapPropertySource("leadrelayRouteFiles",
						Map.of(INCLUDE_PATTERN, String.join(",", include))));
		}
		this.log.info(summary(folder, present, own, fromJar));
	}

	private static String summary(Path folder, boolean present, List<String> own, List<String> fromJar) {
		String where = folder.toAbsolutePath().normalize().toString();
		String jar = "from the jar: " + (fromJar.isEmpty() ? "none" : String.join(", ", fromJar));
		if (!present) {
			return "Route files " + jar + " (there is no folder " + where + " to add to or replace them)";
		}
		return "Route files from " + where + ": " + (own.isEmpty() ? "none" : String.join(", ", own)) + "; " + jar
				+ " (a file in the folder replaces the packaged file of the same name)";
	}

	private static List<String> packagedNames(ClassLoader classLoader) {
		try {
			Resource[] resources = new PathMatchingResourcePatternResolver(classLoader).getResources(PACKAGED);
			return Arrays.stream(resources)
				.map(Resource::getFilename)
				.filter(Objects::nonNull)
				.distinct()
				.sorted()
				.toList();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not list the route files packaged in the jar", ex);
		}
	}

	private static List<String> yamlNames(Path folder) {
		try (Stream<Path> files = Files.list(folder)) {
			return files.map((file) -> file.getFileName().toString())
				.filter((name) -> name.endsWith(".yaml"))
				.sorted()
				.toList();
		}
		catch (IOException ex) {
			throw new InvalidSetupException(DIRECTORY + " names the folder " + folder.toAbsolutePath().normalize()
					+ ", which cannot be read (" + ex.getClass().getSimpleName() + ")",
					"Let the engine's user read the folder.", ex);
		}
	}

	/** After the configuration files are read, so that every setting counts. */
	@Override
	public int getOrder() {
		return Ordered.LOWEST_PRECEDENCE;
	}

}
