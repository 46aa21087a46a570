package io.leadrelay.support;

import com.zaxxer.hikari.HikariDataSource;
import org.flywaydb.core.Flyway;

/**
 * Databases with LeadRelay's schema for tests that play several engines without a Spring
 * context: each engine gets its own connection pool on the same database.
 */
public final class MigratedDatabases {

	private MigratedDatabases() {
	}

	/**
	 * JDBC URL of a new PostgreSQL database (on the shared embedded server), migrated.
	 */
	public static String postgres(String name) {
		return migrate(EmbeddedPostgresSupport.newDatabase(name));
	}

	/** JDBC URL of a new in-memory H2 database, migrated; it lives until the JVM ends. */
	public static String h2(String name) {
		return migrate("jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=-1");
	}

	/** A connection pool of its own on the database, as one engine has. */
	public static HikariDataSource pool(String url) {
		HikariDataSource pool = new HikariDataSource();
		pool.setJdbcUrl(url);
		pool.setUsername(user(url));
		pool.setPassword("");
		pool.setMaximumPoolSize(4);
		return pool;
	}

	private static String migrate(String url) {
		Flyway.configure()
			.dataSource(url, user(url), "")
			.locations("classpath:db/migration")
			.cleanDisabled(false)
			.load()
			.migrate();
		return url;
	}

	private static String user(String url) {
		return url.startsWith("jdbc:postgresql:") ? "postgres" : "sa";
	}

}
