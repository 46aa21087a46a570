package io.leadrelay.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The benchmark's output: a Markdown table, one row per measurement, under the machine it
 * ran on.
 */
final class ResultTable {

	private final List<String> rows = new ArrayList<>();

	void add(String db, String what, String value, Measurement result, String note) {
		if (result == null) {
			this.rows.add("| " + db + " | " + what + " | " + value + " | | | | " + note + " |");
			return;
		}
		this.rows.add("| " + db + " | " + what + " | " + value + " | " + result.percentile(50) + " | "
				+ result.percentile(90) + " | " + result.percentile(99) + " | " + note
				+ ((result.failed() > 0) ? " (" + result.failed() + " non-200)" : "") + " |");
	}

	/** Prints the table to {@code out}: it is what the command is for, not a log. */
	void printTo(PrintStream out, BenchOptions options) {
		out.println();
		out.println("Machine: " + machine());
		out.printf(Locale.ROOT,
				"Load: %d concurrent connections over loopback, %d s per measurement; end to end: %d connections for %d s%n",
				options.concurrency(), options.seconds(), options.e2eConcurrency(), options.e2eSeconds());
		out.println();
		out.println("| database | measurement | result | p50 | p90 | p99 | note |");
		out.println("|---|---|---|---|---|---|---|");
		this.rows.forEach(out::println);
	}

	private static String machine() {
		try {
			String cpu = Files.readAllLines(Path.of("/proc/cpuinfo"))
				.stream()
				.filter((line) -> line.startsWith("model name"))
				.findFirst()
				.map((line) -> line.substring(line.indexOf(':') + 1).strip())
				.orElse("unknown CPU");
			return Runtime.getRuntime().availableProcessors() + " cores (" + cpu + "), Java "
					+ System.getProperty("java.version") + ", " + System.getProperty("os.name");
		}
		catch (IOException ex) {
			return Runtime.getRuntime().availableProcessors() + " cores";
		}
	}

}
