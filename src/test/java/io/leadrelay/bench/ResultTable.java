package io.leadrelay.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * The benchmark's output: a Markdown table, one line per figure (phase, store, figure,
 * value, ratio to the plain Boot app, the target, met or missed), the notes of
 * each phase under it, printed and written to {@code target/bench/results.md}.
 */
final class ResultTable {

	/** The order of the phases in the table, whatever order they ran in. */
	private static final List<String> PHASES = List.of("start-up", "ingest", "e2e at", "e2e unpaced", "e2e sustained",
			"backlog");

	private final List<String[]> rows = new ArrayList<>();

	private final List<String> notes = new ArrayList<>();

	private final PrintStream out;

	/** Each line is also printed to {@code out} as it comes. */
	ResultTable(PrintStream out) {
		this.out = out;
	}

	/**
	 * @param ratio to the plain Boot app, or empty
	 * @param target the target, or empty
	 * @param met whether the target was met, {@code null} without a target
	 */
	void add(String phase, String store, String figure, String value, String ratio, String target, Boolean met) {
		String verdict = (met == null) ? "" : (met ? "met" : "**missed**");
		String row = "| " + phase + " | " + store + " | " + figure + " | " + value + " | " + ratio + " | " + target
				+ " | " + verdict + " |";
		this.rows.add(new String[] { phase, row });
		this.out.println(row);
	}

	/**
	 * A line under the table: what a phase also saw (counts, checks, how long a step
	 * took).
	 */
	void note(String phase, String store, String text) {
		String note = "- " + phase + ", " + store + ": " + text;
		this.notes.add(note);
		this.out.println(note);
	}

	/** Prints the table and writes it to {@code target/bench/results.md}. */
	void finish(BenchOptions options) throws IOException {
		PrintStream out = this.out;
		List<String> lines = new ArrayList<>();
		lines.add("Machine: " + machine());
		lines.add(String.format(Locale.ROOT,
				"Load: %s, %d connections, %d s per measurement after %d s of warm-up; stand-ins with latency: "
						+ "Graph %d ms, CRM %d ms",
				WrkLoad.AVAILABLE ? "wrk" : "the Java client (wrk not installed)", options.concurrency(),
				options.seconds(), options.warmup(), options.graphLatency(), options.crmLatency()));
		lines.add("");
		lines.add("| phase | store | figure | value | vs plain Boot | target | |");
		lines.add("|---|---|---|---|---|---|---|");
		this.rows.stream()
			.sorted(Comparator.comparingInt((String[] row) -> order(row[0])))
			.forEach((row) -> lines.add(row[1]));
		lines.add("");
		lines.addAll(this.notes);
		out.println();
		lines.forEach(out::println);
		Path file = Path.of("target", "bench", "results.md");
		Files.createDirectories(file.getParent());
		Files.write(file, lines);
		out.println();
		out.println("Written to " + file);
	}

	private static int order(String phase) {
		for (int i = 0; i < PHASES.size(); i++) {
			if (phase.startsWith(PHASES.get(i))) {
				return i;
			}
		}
		return PHASES.size();
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
