package io.leadrelay.bench;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The phases on one store, each on a fresh engine and database; engine logs, JFR files
 * and databases go to {@code target/bench/<time>/<store>/}.
 */
final class StoreRun {

	private StoreRun() {
	}

	static void run(Path run, String name, MockServers mocks, BenchOptions options, ResultTable table, Ceiling ceiling)
			throws Exception {
		Path work = Files.createDirectories(run.resolve(name));
		try (BenchStore store = new BenchStore(name, work)) {
			if (options.runs("ingest")) {
				IngestPhase.run(work, store, mocks, options, table, ceiling);
			}
			if (options.runs("e2e")) {
				EndToEndPhase.run(work, store, mocks, options, table);
			}
			if (options.runs("sustained")) {
				SustainedPhase.run(work, store, mocks, options, table);
			}
			if (options.runs("backlog")) {
				BacklogPhase.run(work, store, mocks, options, table);
			}
		}
	}

}
