package io.leadrelay.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Spring Boot jar run as a separate process on a free port, its output in a log:
 * started and timed until a request says it is ready, measured (peak RSS), stopped.
 */
final class JavaProcess {

	private final Path log;

	private final List<String> command;

	private final int port = freePort();

	private Process process;

	private Duration startup;

	/** {@code command} is completed with {@code --server.port}. */
	JavaProcess(Path log, List<String> command) {
		this.log = log;
		this.command = new ArrayList<>(command);
		this.command.add("--server.port=" + this.port);
	}

	static String java() {
		return Path.of(System.getProperty("java.home"), "bin", "java").toString();
	}

	/**
	 * Starts the process and waits until {@code ready} accepts the answer to
	 * {@code probe}; the time this took is {@link #startup()}.
	 */
	void start(HttpRequest.Builder probe, Predicate<HttpResponse<String>> ready) throws IOException {
		long started = System.nanoTime();
		this.process = new ProcessBuilder(this.command).redirectErrorStream(true)
			.redirectOutput(this.log.toFile())
			.start();
		HttpClient http = HttpClient.newHttpClient();
		while (true) {
			if (!this.process.isAlive()) {
				throw new IllegalStateException("The process exited; see " + this.log);
			}
			try {
				if (ready.test(http.send(probe.build(), HttpResponse.BodyHandlers.ofString()))) {
					break;
				}
				LockSupport.parkNanos(Duration.ofMillis(10).toNanos());
			}
			catch (IOException ex) {
				LockSupport.parkNanos(Duration.ofMillis(10).toNanos());
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return;
			}
		}
		this.startup = Duration.ofNanos(System.nanoTime() - started);
	}

	/** From launching the process to ready, for the last start. */
	Duration startup() {
		return this.startup;
	}

	/** The start-up time Spring Boot logged last, in seconds (NaN if none). */
	double startedInSeconds() throws IOException {
		Matcher matcher = Pattern.compile("Started \\w+ in ([0-9.]+) seconds").matcher(Files.readString(this.log));
		double seconds = Double.NaN;
		while (matcher.find()) {
			seconds = Double.parseDouble(matcher.group(1));
		}
		return seconds;
	}

	Path log() {
		return this.log;
	}

	/** The highest resident set size of the process so far (Linux VmHWM), in MiB. */
	long peakRssMiB() throws IOException {
		return Files.readAllLines(Path.of("/proc/" + this.process.pid() + "/status"))
			.stream()
			.filter((line) -> line.startsWith("VmHWM:"))
			.map((line) -> Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024)
			.findFirst()
			.orElse(-1L);
	}

	String url(String path) {
		return "http://127.0.0.1:" + this.port + path;
	}

	HttpRequest.Builder request(String path) {
		return HttpRequest.newBuilder(URI.create(url(path)));
	}

	void stop() throws InterruptedException {
		if (this.process != null) {
			this.process.destroy();
			this.process.waitFor();
		}
	}

	/** Runs {@code command} to its end, its output in {@code log}; fails if it fails. */
	static void runToEnd(List<String> command, Path log) throws IOException, InterruptedException {
		Process process = new ProcessBuilder(command).redirectErrorStream(true)
			.redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
			.start();
		if (process.waitFor() != 0) {
			throw new IllegalStateException(String.join(" ", command) + " failed; see " + log);
		}
	}

	private static int freePort() {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
