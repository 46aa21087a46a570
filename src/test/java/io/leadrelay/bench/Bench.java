package io.leadrelay.bench;

/**
 * The LeadRelay benchmark (bench/README.md), started by {@code bench/run.sh}. Starts the
 * packaged engine as a separate process and loads it over loopback from this one, which
 * also plays the Graph API and a HubSpot-like CRM. Measures, per database: start-up, a
 * bare endpoint of the same stack (the ceiling), signed-webhook ingest, end-to-end
 * delivery, and peak RSS. A command, not a test: neither surefire nor failsafe runs it.
 */
public final class Bench {

	private Bench() {
	}

	public static void main(String[] args) throws Exception {
		// The JDK's HTTP server leaves Nagle's algorithm on: with delayed ACKs every mock
		// answer would take 40 ms, and the benchmark would measure that.
		System.setProperty("sun.net.httpserver.nodelay", "true");
		BenchOptions options = BenchOptions.parse(args);
		ResultTable table = new ResultTable();
		for (String db : options.databases()) {
			DatabaseRun.run(db, options, table);
		}
		table.printTo(System.out, options);
		System.exit(0);
	}

}
