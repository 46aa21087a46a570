package io.leadrelay.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;

/**
 * The LeadRelay benchmark (bench/README.md), started by {@code bench/run.sh}. Measures a
 * plain Spring Boot app (the ceiling) and the packaged engine, each a separate process,
 * loaded over loopback from this one, which also plays the Graph API and a HubSpot-like
 * CRM: start-up, ingest, end to end with instant and with slow stand-ins, a backlog
 * drained, peak RSS. A command, not a test: neither surefire nor failsafe runs it.
 */
public final class Bench {

	private Bench() {
	}

	public static void main(String[] args) throws Exception {
		// The JDK's HTTP server leaves Nagle's algorithm on: with delayed ACKs every
		// stand-in's answer would take 40 ms, and the benchmark would measure that.
		System.setProperty("sun.net.httpserver.nodelay", "true");
		BenchOptions options = BenchOptions.parse(args);
		Path run = Files.createDirectories(
				Path.of("target", "bench", LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"))));
		ResultTable table = new ResultTable(System.out);
		table.note("run", "all", "engine logs and databases in " + run);
		Ceiling ceiling = new Ceiling();
		try (MockServers mocks = new MockServers()) {
			if (options.runs("plain") || options.runs("startup") || options.runs("ingest")) {
				PlainPhase.run(run, options, table, ceiling);
			}
			if (options.runs("startup")) {
				StartupPhase.run(run, mocks, options, table, ceiling);
			}
			for (String store : options.stores()) {
				StoreRun.run(run, store, mocks, options, table, ceiling);
			}
		}
		table.finish(options);
		System.exit(0);
	}

}
