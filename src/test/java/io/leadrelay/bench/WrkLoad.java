package io.leadrelay.bench;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Load from wrk (Debian package {@code wrk}) when it is installed: written in C on epoll,
 * it leaves more of the two cores to the engine than the Java client (which halved the
 * bare endpoint's figure). Requests are signed beforehand, one new leadgen id each, and
 * read by a Lua script.
 */
final class WrkLoad {

	static final boolean AVAILABLE = available();

	private static final int MAX_RATE = 40_000;

	private static final int THREADS = 2;

	private static final String SCRIPT = """
			local signatures, bodies, count, next = {}, {}, 0, 0
			local threads = 0
			function setup(thread)
			  thread:set("index", threads)
			  threads = threads + 1
			end
			function init(args)
			  local share = tonumber(args[1])
			  local line = 0
			  for text in io.lines("REQUESTS") do
			    if line % share == index then
			      local tab = text:find("\\t")
			      count = count + 1
			      signatures[count] = text:sub(1, tab - 1)
			      bodies[count] = text:sub(tab + 1)
			    end
			    line = line + 1
			  end
			end
			function request()
			  next = next % count + 1
			  return wrk.format("POST", nil, {["Content-Type"] = "application/json",
			    ["X-Hub-Signature-256"] = signatures[next]}, bodies[next])
			end
			""";

	private WrkLoad() {
	}

	private static boolean available() {
		try {
			return new ProcessBuilder("wrk", "--version").redirectErrorStream(true).start().waitFor() >= 0;
		}
		catch (IOException ex) {
			return false;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return false;
		}
	}

	static Measurement load(String url, int concurrency, Duration duration) {
		try {
			Path requests = Files.createTempFile("leadrelay-bench", ".requests");
			Path script = Files.createTempFile("leadrelay-bench", ".lua");
			try {
				writeRequests(requests, MAX_RATE * duration.toSeconds());
				Files.writeString(script, SCRIPT.replace("REQUESTS", requests.toAbsolutePath().toString()));
				Process wrk = new ProcessBuilder("wrk", "-t" + THREADS, "-c" + concurrency,
						"-d" + duration.toSeconds() + "s", "--latency", "-s", script.toString(), url, "--",
						Integer.toString(THREADS))
					.redirectErrorStream(true)
					.start();
				String output = new String(wrk.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
				wrk.waitFor();
				return parse(output);
			}
			finally {
				Files.deleteIfExists(requests);
				Files.deleteIfExists(script);
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private static void writeRequests(Path file, long count) throws IOException {
		try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 20)) {
			for (long i = 0; i < count; i++) {
				byte[] body = LeadgenNotifications.notification(Long.toString(LeadgenNotifications.nextId()));
				out.write(LeadgenNotifications.sign(body).getBytes(StandardCharsets.US_ASCII));
				out.write('\t');
				out.write(body);
				out.write('\n');
			}
		}
	}

	/**
	 * Reads wrk's report: requests, non-2xx answers and socket errors, and its
	 * percentiles.
	 */
	private static Measurement parse(String output) {
		Matcher total = Pattern.compile("(\\d+) requests in ([\\d.]+)(m?s)").matcher(output);
		if (!total.find()) {
			throw new IllegalStateException("wrk did not report:\n" + output);
		}
		long requests = Long.parseLong(total.group(1));
		double seconds = Double.parseDouble(total.group(2)) * (total.group(3).equals("ms") ? 1e-3 : 1);
		Matcher non2xx = Pattern.compile("Non-2xx or 3xx responses: (\\d+)").matcher(output);
		long failed = non2xx.find() ? Long.parseLong(non2xx.group(1)) : 0;
		Matcher errors = Pattern.compile("Socket errors: connect (\\d+), read (\\d+), write (\\d+), timeout (\\d+)")
			.matcher(output);
		if (errors.find()) {
			for (int group = 1; group <= 4; group++) {
				failed += Long.parseLong(errors.group(group));
			}
		}
		Map<Integer, String> quoted = new HashMap<>();
		Matcher percentile = Pattern.compile("\\s+(50|90|99)%\\s+([\\d.]+)(us|ms|s)").matcher(output);
		while (percentile.find()) {
			double value = Double.parseDouble(percentile.group(2));
			double millis = switch (percentile.group(3)) {
				case "us" -> value / 1000;
				case "s" -> value * 1000;
				default -> value;
			};
			quoted.put(Integer.parseInt(percentile.group(1)), String.format(Locale.ROOT, "%.1f ms", millis));
		}
		return new Measurement(requests - failed, failed, seconds, new long[0], quoted);
	}

}
