package io.leadrelay.store;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import io.leadrelay.config.InvalidSetupException;
import io.zonky.test.db.postgres.util.LinuxUtils;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.util.FileSystemUtils;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.awaitility.Awaitility.await;

/**
 * The default store started and stopped as the engine does, on a real data folder.
 */
class EmbeddedStoreTests {

	@TempDir
	static Path shared;

	/** One initialised folder the tests copy, so that only one test pays for initdb. */
	static Path initialised;

	@BeforeAll
	static void initialiseOnce() throws Exception {
		initialised = shared.resolve("initialised");
		try (EmbeddedStore store = EmbeddedStore.start(properties(initialised))) {
			execute(store, "CREATE TABLE lead_event (leadgen_id VARCHAR(32) PRIMARY KEY)");
			execute(store, "INSERT INTO lead_event VALUES ('920000000000001')");
		}
	}

	@Test
	void flushesEveryCommitToDiskBeforeItReturns() throws Exception {
		try (EmbeddedStore store = EmbeddedStore.start(properties(copyOfInitialised("flush")))) {
			assertThat(show(store, "fsync")).isEqualTo("on");
			assertThat(show(store, "synchronous_commit")).isEqualTo("on");
			assertThat(show(store, "full_page_writes")).isEqualTo("on");
		}
	}

	@Test
	void asksForThePasswordOnlyTheEngineCanRead() throws Exception {
		Path folder = copyOfInitialised("password");
		try (EmbeddedStore store = EmbeddedStore.start(properties(folder))) {
			assertThat(Files.getPosixFilePermissions(EmbeddedStore.passwordFile(folder)))
				.isEqualTo(PosixFilePermissions.fromString("rw-------"));
			assertThatExceptionOfType(SQLException.class)
				.isThrownBy(() -> DriverManager.getConnection(store.jdbcUrl(), EmbeddedStore.USER, "").close())
				.withMessageContaining("password");
			assertThatExceptionOfType(SQLException.class)
				.isThrownBy(() -> DriverManager.getConnection(store.jdbcUrl(), EmbeddedStore.USER, "wrong").close())
				.withMessageContaining("password authentication failed");
		}
	}

	@Test
	void refusesASecondEngineOnTheSameFolder() throws Exception {
		Path folder = copyOfInitialised("second");
		try (EmbeddedStore first = EmbeddedStore.start(properties(folder))) {
			assertThatExceptionOfType(InvalidSetupException.class)
				.isThrownBy(() -> EmbeddedStore.start(properties(folder)))
				.withMessage("Another LeadRelay engine is using the data folder " + folder);
			assertThat(count(first)).isEqualTo(1);
		}
	}

	@Test
	void stopsTheServerAKilledEngineLeftRunningAndKeepsItsData() throws Exception {
		Path folder = copyOfInitialised("orphan");
		// What `kill -9` of the engine leaves: its PostgreSQL, a daemon, still running on
		// the folder.
		startServerAsADaemon(folder);
		long pid = Long.parseLong(Files.readAllLines(folder.resolve("postgres/postmaster.pid")).get(0).strip());
		try (EmbeddedStore store = EmbeddedStore.start(properties(folder))) {
			assertThat(ProcessHandle.of(pid).filter(ProcessHandle::isAlive)).isEmpty();
			assertThat(count(store)).isEqualTo(1);
		}
	}

	@Test
	void aCdsTrainingRunStopsTheServerBeforeSpringHaltsTheJvm() throws Exception {
		Path folder = copyOfInitialised("training");
		EmbeddedStore store = EmbeddedStore.start(properties(folder));
		long pid = Long.parseLong(Files.readAllLines(folder.resolve("postgres/postmaster.pid")).get(0).strip());
		new TrainingRunStop(null, store).afterSingletonsInstantiated();
		assertThat(ProcessHandle.of(pid).filter(ProcessHandle::isAlive)).isPresent();
		new TrainingRunStop("onRefresh", store).afterSingletonsInstantiated();
		await().atMost(Duration.ofSeconds(10))
			.untilAsserted(() -> assertThat(ProcessHandle.of(pid).filter(ProcessHandle::isAlive)).isEmpty());
		try (DataDirectoryLock lock = DataDirectoryLock.acquire(folder)) {
			assertThat(lock).isNotNull();
		}
	}

	@Test
	void startsOverWhenTheFirstStartWasKilledDuringInitdb() throws Exception {
		Path folder = shared.resolve("interrupted");
		Path halfMade = Files.createDirectories(folder.resolve("postgres.init"));
		Files.writeString(halfMade.resolve("postgresql.conf"), "# initdb was killed here\n");
		try (EmbeddedStore store = EmbeddedStore.start(properties(folder))) {
			assertThat(show(store, "server_version")).startsWith("14.");
		}
		assertThat(folder.resolve("postgres.init")).doesNotExist();
		assertThat(folder.resolve("postgres/PG_VERSION")).exists();
	}

	@Test
	void refusesToStartWithoutThePasswordOfAnExistingDatabase() throws Exception {
		Path folder = copyOfInitialised("no-password");
		Files.delete(EmbeddedStore.passwordFile(folder));
		assertThatExceptionOfType(InvalidSetupException.class).isThrownBy(() -> EmbeddedStore.start(properties(folder)))
			.withMessage(
					"The embedded PostgreSQL's password file " + EmbeddedStore.passwordFile(folder) + " is missing");
	}

	private static void startServerAsADaemon(Path folder) throws Exception {
		// The binaries the store ran, wherever zonky unpacked them (it unpacks once per
		// JVM):
		// PostgreSQL writes its own command line to postmaster.opts.
		String opts = Files.readString(folder.resolve("postgres/postmaster.opts")).strip();
		Path postgres = Path.of(opts.substring(0, opts.indexOf(' ')));
		List<String> command = new ArrayList<>();
		if (LinuxUtils.isUnshareAvailable()) {
			command.addAll(List.of("unshare", "-U"));
		}
		// The server's output goes to a file: it outlives pg_ctl and would hold a pipe
		// open.
		Path log = folder.resolve("orphan.log");
		command.addAll(List.of(postgres.resolveSibling("pg_ctl").toString(), "-D",
				folder.resolve("postgres").toString(), "-l", log.toString(), "-o", "-p " + freePort(), "-w", "start"));
		Process pgCtl = new ProcessBuilder(command).redirectErrorStream(true)
			.redirectOutput(folder.resolve("pg_ctl.log").toFile())
			.start();
		assertThat(pgCtl.waitFor(60, TimeUnit.SECONDS)).isTrue();
		assertThat(pgCtl.exitValue()).as(Files.readString(folder.resolve("pg_ctl.log"))).isZero();
	}

	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

	private static StoreProperties properties(Path folder) {
		return new StoreProperties(folder, Duration.ofSeconds(60));
	}

	private static Path copyOfInitialised(String name) throws Exception {
		Path copy = Files.createDirectories(shared.resolve(name));
		FileSystemUtils.copyRecursively(initialised.resolve("postgres"), copy.resolve("postgres"));
		Files.copy(EmbeddedStore.passwordFile(initialised), EmbeddedStore.passwordFile(copy),
				StandardCopyOption.COPY_ATTRIBUTES);
		// PostgreSQL starts only on a folder that is its owner's alone; the binaries are
		// shared.
		Files.setPosixFilePermissions(copy.resolve("postgres"), PosixFilePermissions.fromString("rwx------"));
		if (Files.isDirectory(initialised.resolve("postgres-binaries"))) {
			Files.createSymbolicLink(copy.resolve("postgres-binaries"), initialised.resolve("postgres-binaries"));
		}
		return copy;
	}

	private static void execute(EmbeddedStore store, String sql) throws SQLException {
		try (Connection connection = connect(store); Statement statement = connection.createStatement()) {
			statement.execute(sql);
		}
	}

	private static String show(EmbeddedStore store, String setting) throws SQLException {
		try (Connection connection = connect(store);
				Statement statement = connection.createStatement();
				ResultSet rows = statement.executeQuery("SHOW " + setting)) {
			rows.next();
			return rows.getString(1);
		}
	}

	private static long count(EmbeddedStore store) throws SQLException {
		try (Connection connection = connect(store);
				Statement statement = connection.createStatement();
				ResultSet rows = statement.executeQuery("SELECT COUNT(*) FROM lead_event")) {
			rows.next();
			return rows.getLong(1);
		}
	}

	private static Connection connect(EmbeddedStore store) throws SQLException {
		return DriverManager.getConnection(store.jdbcUrl(), EmbeddedStore.USER, store.password());
	}

}
