package io.leadrelay.support;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.MutablePropertySources;
import org.springframework.test.context.support.TestPropertySourceUtils;

/**
 * What each context of a {@link LeadRelayIntegrationTest} or {@link LeadRelayJdbcTest}
 * gets unless its test sets it: a new database of its own (in-memory H2, or PostgreSQL
 * with {@link OnPostgres}), an empty mapping folder (the files in {@code mappings/} are
 * the operators' examples, not test data) and the {@link SharedGraphApi}. The test's own
 * properties come first; these come before the configuration files.
 */
public class IntegrationTestProperties implements ApplicationContextInitializer<ConfigurableApplicationContext> {

	/** {@code postgres} to run on PostgreSQL (see {@link OnPostgres}); H2 otherwise. */
	static final String DATABASE = "test.database";

	private static final String DYNAMIC_PROPERTIES = "Dynamic Test Properties";

	private static final AtomicInteger databases = new AtomicInteger();

	@Override
	public void initialize(ConfigurableApplicationContext context) {
		ConfigurableEnvironment environment = context.getEnvironment();
		Map<String, Object> properties = new LinkedHashMap<>();
		if (!environment.containsProperty("spring.datasource.url")) {
			properties.putAll(newDatabase("postgres".equals(environment.getProperty(DATABASE))));
		}
		properties.put("leadrelay.mapping.directory", TemporaryFolders.empty("no-mapping-files"));
		properties.put("leadrelay.graph.base-url", SharedGraphApi.baseUrl());
		addAfterTestProperties(environment.getPropertySources(),
				new MapPropertySource("leadrelayIntegrationTest", properties));
	}

	private static Map<String, Object> newDatabase(boolean postgres) {
		int number = databases.incrementAndGet();
		if (postgres) {
			return Map.of("spring.datasource.url", EmbeddedPostgresSupport.newDatabase("leadrelay_" + number),
					"spring.datasource.username", "postgres", "spring.datasource.password", "");
		}
		return Map.of("spring.datasource.url", "jdbc:h2:mem:leadrelay-" + number + ";DB_CLOSE_DELAY=-1");
	}

	private static void addAfterTestProperties(MutablePropertySources sources, MapPropertySource defaults) {
		if (sources.contains(TestPropertySourceUtils.INLINED_PROPERTIES_PROPERTY_SOURCE_NAME)) {
			sources.addAfter(TestPropertySourceUtils.INLINED_PROPERTIES_PROPERTY_SOURCE_NAME, defaults);
		}
		else if (sources.contains(DYNAMIC_PROPERTIES)) {
			sources.addAfter(DYNAMIC_PROPERTIES, defaults);
		}
		else {
			sources.addFirst(defaults);
		}
	}

}
