package io.leadrelay.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

/** The benchmark's command line (bench/README.md lists the options). */
record BenchOptions(Path jar, Path plainJar, List<String> stores, Set<String> phases, int concurrency, int seconds,
		int warmup, int preload, int e2eSeconds, int e2eConcurrency, double e2eRate, long graphLatency, long crmLatency,
		int sustainedSeconds, int sustainedConcurrency, double sustainedRate, int backlog, int drainTimeout,
		boolean profile, List<String> engineArguments, String heap) {

	static final List<String> PHASES = List.of("plain", "startup", "ingest", "e2e", "sustained", "backlog");

	static BenchOptions parse(String[] args) {
		Values v = new Values();
		for (int i = 0; i < args.length; i += 2) {
			String value = args[i + 1];
			switch (args[i]) {
				case "--jar" -> v.jar = Path.of(value);
				case "--plain-jar" -> v.plainJar = Path.of(value);
				case "--db" -> v.stores = switch (value) {
					case "both" -> List.of("default", "postgres");
					case "all" -> List.of("default", "postgres", "h2");
					default -> List.of(value.split(","));
				};
				case "--only" -> v.phases = Set.of(value.split(","));
				case "--concurrency" -> v.concurrency = Integer.parseInt(value);
				case "--seconds" -> v.seconds = Integer.parseInt(value);
				case "--warmup" -> v.warmup = Integer.parseInt(value);
				case "--preload" -> v.preload = Integer.parseInt(value);
				case "--e2e-seconds" -> v.e2eSeconds = Integer.parseInt(value);
				case "--e2e-concurrency" -> v.e2eConcurrency = Integer.parseInt(value);
				case "--e2e-rate" -> v.e2eRate = Double.parseDouble(value);
				case "--graph-latency" -> v.graphLatency = millis(value);
				case "--crm-latency" -> v.crmLatency = millis(value);
				case "--sustained-seconds" -> v.sustainedSeconds = Integer.parseInt(value);
				case "--sustained-concurrency" -> v.sustainedConcurrency = Integer.parseInt(value);
				case "--sustained-rate" -> v.sustainedRate = Double.parseDouble(value);
				case "--backlog" -> v.backlog = Integer.parseInt(value);
				case "--drain-timeout" -> v.drainTimeout = Integer.parseInt(value);
				case "--profile" -> v.profile = Boolean.parseBoolean(value);
				case "--engine-arg" -> v.engineArguments.add(value);
				case "--heap" -> v.heap = value.equals("default") ? "" : value;
				default -> throw new IllegalArgumentException("Unknown option " + args[i]);
			}
		}
		if (!PHASES.containsAll(v.phases)) {
			throw new IllegalArgumentException("--only takes some of " + PHASES + ", comma-separated");
		}
		return new BenchOptions(v.jar, v.plainJar, v.stores, v.phases, v.concurrency, v.seconds, v.warmup, v.preload,
				v.e2eSeconds, v.e2eConcurrency, v.e2eRate, v.graphLatency, v.crmLatency, v.sustainedSeconds,
				v.sustainedConcurrency, v.sustainedRate, v.backlog, v.drainTimeout, v.profile,
				List.copyOf(v.engineArguments), v.heap);
	}

	boolean runs(String phase) {
		return this.phases.contains(phase);
	}

	private static long millis(String value) {
		return Long.parseLong(value.endsWith("ms") ? value.substring(0, value.length() - 2) : value);
	}

	/** The defaults, changed by the command line. */
	private static final class Values {

		Path jar;

		Path plainJar = Path.of("bench/plain-boot/target/plain-boot.jar");

		List<String> stores = List.of("default", "postgres");

		Set<String> phases = Set.copyOf(Arrays.asList(PHASES.toArray(String[]::new)));

		int concurrency = 64;

		int seconds = 15;

		int warmup = 30;

		int preload;

		int e2eSeconds = 20;

		int e2eConcurrency = 8;

		double e2eRate = 200;

		long graphLatency = 150;

		long crmLatency = 200;

		int sustainedSeconds = 30;

		int sustainedConcurrency = 64;

		double sustainedRate;

		int backlog = 100_000;

		int drainTimeout = 180;

		boolean profile;

		List<String> engineArguments = new ArrayList<>();

		String heap = "256m";

	}

}
