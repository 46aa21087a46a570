package io.leadrelay.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The engine's start-up on the default store (its embedded PostgreSQL already made by a
 * first start): as a plain {@code java -jar} and with a CDS archive, Spring's figure and
 * the time from launch to health UP, each compared with the plain Boot app's.
 */
final class StartupPhase {

	private static final String TARGET = "≤ 1.5× plain";

	private StartupPhase() {
	}

	static void run(Path work, MockServers mocks, BenchOptions options, ResultTable table, Ceiling ceiling)
			throws Exception {
		try (BenchStore store = new BenchStore("default", work)) {
			PackagedEngine engine = new PackagedEngine(work, "startup", store, mocks, options, List.of());
			engine.start(options.jar());
			table.note("start-up", "default",
					String.format(Locale.ROOT,
							"first start (creating the embedded PostgreSQL) took %.2f s to health UP",
							engine.startup().toMillis() / 1000.0));
			engine.stop();
			engine.start(options.jar());
			report(table, "default, java -jar", engine, ceiling);
			engine.stop();
			List<String> launch = Cds.prepare(options.jar().toAbsolutePath(),
					work.toAbsolutePath().resolve("engine-cds"), engine.jvmOptions(), engine.arguments(),
					work.resolve("engine-cds.log"));
			engine.start(new ArrayList<>(launch));
			report(table, "default, CDS", engine, ceiling);
			table.add("start-up", "default, CDS", "peak RSS after start", engine.peakRssMiB() + " MiB", "", "≤ 400 MiB",
					engine.peakRssMiB() <= 400);
			engine.stop();
		}
	}

	private static void report(ResultTable table, String store, PackagedEngine engine, Ceiling ceiling)
			throws Exception {
		double spring = engine.startedInSeconds();
		double up = engine.startup().toMillis() / 1000.0;
		table.add("start-up", store, "Spring's \"Started in\"", PlainPhase.seconds(spring),
				Ceiling.times(spring, ceiling.startedIn), TARGET,
				Double.isNaN(ceiling.startedIn) ? null : spring <= 1.5 * ceiling.startedIn);
		table.add("start-up", store, "launch to health UP", PlainPhase.seconds(up),
				Ceiling.times(up, ceiling.toFirstOk), TARGET,
				Double.isNaN(ceiling.toFirstOk) ? null : up <= 1.5 * ceiling.toFirstOk);
	}

}
