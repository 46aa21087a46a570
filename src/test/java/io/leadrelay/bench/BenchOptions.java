package io.leadrelay.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The benchmark's command line (bench/README.md lists the options). */
record BenchOptions(Path jar, List<String> databases, int concurrency, int seconds, int e2eSeconds, boolean profile,
		int preload, int e2eConcurrency, boolean endToEndOnly, boolean ingestOnly, List<String> engineArguments,
		double e2eRate, int warmup, String heap) {

	static BenchOptions parse(String[] args) {
		Path jar = null;
		List<String> databases = List.of("h2", "postgres");
		int concurrency = 64;
		int seconds = 15;
		int e2eSeconds = 20;
		boolean profile = false;
		int preload = 0;
		int e2eConcurrency = 8;
		boolean endToEndOnly = false;
		boolean ingestOnly = false;
		double e2eRate = 0;
		int warmup = 30;
		String heap = "256m";
		List<String> engineArguments = new ArrayList<>();
		for (int i = 0; i < args.length; i += 2) {
			String value = args[i + 1];
			switch (args[i]) {
				case "--jar" -> jar = Path.of(value);
				case "--db" -> databases = value.equals("both") ? List.of("h2", "postgres") : List.of(value);
				case "--concurrency" -> concurrency = Integer.parseInt(value);
				case "--seconds" -> seconds = Integer.parseInt(value);
				case "--e2e-seconds" -> e2eSeconds = Integer.parseInt(value);
				case "--profile" -> profile = Boolean.parseBoolean(value);
				case "--preload" -> preload = Integer.parseInt(value);
				case "--e2e-concurrency" -> e2eConcurrency = Integer.parseInt(value);
				case "--only" -> {
					endToEndOnly = value.equals("e2e");
					ingestOnly = value.equals("ingest");
				}
				case "--e2e-rate" -> e2eRate = Double.parseDouble(value);
				case "--engine-arg" -> engineArguments.add(value);
				case "--warmup" -> warmup = Integer.parseInt(value);
				case "--heap" -> heap = value.equals("default") ? "" : value;
				default -> throw new IllegalArgumentException("Unknown option " + args[i]);
			}
		}
		return new BenchOptions(jar, databases, concurrency, seconds, e2eSeconds, profile, preload, e2eConcurrency,
				endToEndOnly, ingestOnly, List.copyOf(engineArguments), e2eRate, warmup, heap);
	}

}
