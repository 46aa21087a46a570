package io.leadrelay.bench;

import java.io.IOException;
import java.net.http.HttpRequest;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The ceiling: the plain Spring Boot app of {@code bench/plain-boot} (one
 * {@code @PostMapping} that reads the body), started plainly and with a CDS archive, then
 * loaded as ingest is.
 */
final class PlainPhase {

	private static final String PLAIN = "plain Boot";

	private PlainPhase() {
	}

	static void run(Path work, BenchOptions options, ResultTable table, Ceiling ceiling) throws Exception {
		List<String> jvm = options.heap().isEmpty() ? List.of() : List.of("-Xmx" + options.heap());
		JavaProcess plain = start(work.resolve("plain.log"), jvm,
				List.of("-jar", options.plainJar().toAbsolutePath().toString()));
		ceiling.startedIn = plain.startedInSeconds();
		ceiling.toFirstOk = plain.startup().toMillis() / 1000.0;
		table.add("start-up", PLAIN, "Spring's \"Started in\"", seconds(ceiling.startedIn), "", "", null);
		table.add("start-up", PLAIN, "launch to first 200", seconds(ceiling.toFirstOk), "", "", null);
		if (options.runs("plain") || options.runs("ingest")) {
			LoadGenerator.load(plain.url("/webhooks/meta"), options.concurrency(), Duration.ofSeconds(options.warmup()),
					null);
			Measurement load = LoadGenerator.load(plain.url("/webhooks/meta"), options.concurrency(),
					Duration.ofSeconds(options.seconds()), null);
			ceiling.perSecond = load.perSecond();
			ceiling.p99 = load.percentileMillis(99);
			table.add("ingest", PLAIN, "requests/s", load.rate("req/s") + failed(load), "", "", null);
			table.add("ingest", PLAIN, "p50 / p99", load.percentile(50) + " / " + load.percentile(99), "", "", null);
		}
		table.add("ingest", PLAIN, "peak RSS", plain.peakRssMiB() + " MiB", "", "", null);
		plain.stop();
		List<String> cds = Cds.prepare(options.plainJar().toAbsolutePath(), work.toAbsolutePath().resolve("plain-cds"),
				jvm, List.of(), work.resolve("plain-cds.log"));
		List<String> launch = new ArrayList<>(jvm);
		launch.addAll(cds);
		JavaProcess withCds = start(work.resolve("plain-cds-run.log"), List.of(), launch);
		table.add("start-up", PLAIN + ", CDS", "Spring's \"Started in\"", seconds(withCds.startedInSeconds()), "", "",
				null);
		table.add("start-up", PLAIN + ", CDS", "launch to first 200", seconds(withCds.startup().toMillis() / 1000.0),
				"", "", null);
		withCds.stop();
	}

	private static JavaProcess start(Path log, List<String> jvm, List<String> launch) throws IOException {
		List<String> command = new ArrayList<>(List.of(JavaProcess.java()));
		command.addAll(jvm);
		command.addAll(launch);
		command.add("--logging.level.root=WARN");
		command.add("--logging.level.bench.plain=INFO");
		JavaProcess process = new JavaProcess(log, command);
		process.start(process.request("/webhooks/meta")
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString("{}")), (response) -> response.statusCode() == 200);
		return process;
	}

	static String seconds(double value) {
		return String.format(Locale.ROOT, "%.2f s", value);
	}

	static String failed(Measurement measurement) {
		return (measurement.failed() > 0) ? " (" + measurement.failed() + " non-2xx)" : "";
	}

}
