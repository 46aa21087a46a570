package io.leadrelay.resilience;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

import io.leadrelay.support.EmbeddedPostgresSupport;

/**
 * The store a crash test runs the engine on: the default (the engine's own embedded
 * PostgreSQL under its data folder), H2 in a file, or a PostgreSQL server of the
 * operator's.
 */
abstract class CrashStore implements ResilienceHarness.DatabaseAccess {

	static CrashStore of(String name, Path directory) {
		return switch (name) {
			case "embedded" -> new Embedded(directory.resolve("data"));
			case "h2" -> new H2(directory.resolve("data"));
			case "postgres" -> new Server(EmbeddedPostgresSupport.newDatabase("crash"));
			default -> throw new IllegalArgumentException("leadrelay.crash.store is embedded, h2 or postgres: " + name);
		};
	}

	abstract String label();

	/** The engine's arguments that choose this store. */
	abstract List<String> arguments();

	/** Whether the test can read the store while the engine runs (H2 locks its file). */
	abstract boolean readableWhileEngineRuns();

	/**
	 * Checks the store's own integrity: every stored row is found through its indexes.
	 */
	abstract StoreIntegrity.Report checkIntegrity() throws SQLException;

	/**
	 * Kills what the engine's {@code kill -9} leaves running: the embedded PostgreSQL.
	 */
	void killServer() {
	}

	/**
	 * The default: no datasource configured, the engine runs PostgreSQL under its data
	 * folder.
	 */
	static final class Embedded extends CrashStore {

		private final Path data;

		Embedded(Path data) {
			this.data = data;
		}

		@Override
		String label() {
			return "the default embedded PostgreSQL";
		}

		@Override
		List<String> arguments() {
			return List.of("--leadrelay.store.directory=" + this.data);
		}

		@Override
		boolean readableWhileEngineRuns() {
			return true;
		}

		@Override
		public Connection open() throws SQLException {
			try {
				String port = Files.readAllLines(this.data.resolve("postgres/postmaster.pid")).get(3).strip();
				String password = Files.readString(this.data.resolve("postgres.password")).strip();
				return DriverManager.getConnection("jdbc:postgresql://localhost:" + port + "/leadrelay", "postgres",
						password);
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}

		@Override
		StoreIntegrity.Report checkIntegrity() throws SQLException {
			try (Connection connection = open()) {
				return StoreIntegrity.postgres(connection);
			}
		}

		@Override
		void killServer() {
			Optional<ProcessHandle> postmaster = postmaster();
			postmaster.ifPresent((server) -> {
				List<ProcessHandle> all = server.descendants().toList();
				server.destroyForcibly();
				all.forEach(ProcessHandle::destroyForcibly);
				server.onExit().join();
				all.forEach((process) -> process.onExit().join());
			});
		}

		private Optional<ProcessHandle> postmaster() {
			Path pidFile = this.data.resolve("postgres/postmaster.pid");
			try {
				if (!Files.exists(pidFile)) {
					return Optional.empty();
				}
				return ProcessHandle.of(Long.parseLong(Files.readAllLines(pidFile).get(0).strip()));
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}

	}

	/** H2 in a file, as the default was before. */
	static final class H2 extends CrashStore {

		private final String url;

		H2(Path data) {
			this.url = "jdbc:h2:file:" + data.resolve("leadrelay") + ";WRITE_DELAY=0";
		}

		@Override
		String label() {
			return "H2 " + org.h2.engine.Constants.FULL_VERSION;
		}

		@Override
		List<String> arguments() {
			return List.of("--spring.datasource.url=" + this.url, "--spring.datasource.username=sa");
		}

		@Override
		boolean readableWhileEngineRuns() {
			return false;
		}

		@Override
		public Connection open() throws SQLException {
			return DriverManager.getConnection(this.url, "sa", "");
		}

		@Override
		StoreIntegrity.Report checkIntegrity() throws SQLException {
			try (Connection connection = open()) {
				return StoreIntegrity.h2(connection);
			}
		}

	}

	/** A PostgreSQL server of the operator's (here the tests' shared embedded server). */
	static final class Server extends CrashStore {

		private final String url;

		Server(String url) {
			this.url = url;
		}

		@Override
		String label() {
			return "a PostgreSQL server";
		}

		@Override
		List<String> arguments() {
			return List.of("--spring.datasource.url=" + this.url, "--spring.datasource.username=postgres");
		}

		@Override
		boolean readableWhileEngineRuns() {
			return true;
		}

		@Override
		public Connection open() throws SQLException {
			return DriverManager.getConnection(this.url, "postgres", "");
		}

		@Override
		StoreIntegrity.Report checkIntegrity() throws SQLException {
			try (Connection connection = open()) {
				return StoreIntegrity.postgres(connection);
			}
		}

	}

}
