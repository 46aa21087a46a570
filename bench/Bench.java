import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.function.LongConsumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * The LeadRelay benchmark (bench/README.md). Starts the packaged engine as a separate
 * process and loads it over loopback from this one, which also plays the Graph API and a
 * HubSpot-like CRM. Measures, per database: start-up, a bare endpoint of the same stack
 * (the ceiling), signed-webhook ingest, end-to-end delivery, and peak RSS.
 */
public class Bench {

	static final String SECRET = "bench-app-secret";

	static final String ADMIN_PASSWORD = "bench-admin-password";

	static final String PAGE = "100200300400500";

	static final String FORM = "700000000000011";

	static final AtomicLong NEXT_ID = new AtomicLong(960000000000000L);

	public static void main(String[] args) throws Exception {
		// The JDK's HTTP server leaves Nagle's algorithm on: with delayed ACKs every mock
		// answer would take 40 ms, and the benchmark would measure that.
		System.setProperty("sun.net.httpserver.nodelay", "true");
		Options options = Options.parse(args);
		List<String> rows = new ArrayList<>();
		for (String db : options.databases) {
			rows.addAll(run(db, options));
		}
		System.out.println();
		System.out.println("Machine: " + machine());
		System.out.printf(Locale.ROOT,
				"Load: %d concurrent connections over loopback, %d s per measurement; end to end: %d connections for %d s%n",
				options.concurrency, options.seconds, options.e2eConcurrency, options.e2eSeconds);
		System.out.println();
		System.out.println("| database | measurement | result | p50 | p90 | p99 | note |");
		System.out.println("|---|---|---|---|---|---|---|");
		rows.forEach(System.out::println);
		System.exit(0);
	}

	static List<String> run(String db, Options options) throws Exception {
		List<String> rows = new ArrayList<>();
		Path work = Files.createDirectories(Path.of("target", "bench", db + "-" + System.currentTimeMillis()));
		// Durable as the default store and a production server are: zonky turns both off for tests.
		EmbeddedPostgres postgres = db.equals("postgres") ? EmbeddedPostgres.builder()
			.setServerConfig("fsync", "on")
			.setServerConfig("synchronous_commit", "on")
			.start() : null;
		String url = (postgres != null) ? postgres.getJdbcUrl("postgres", "postgres")
				: "jdbc:h2:file:" + work.toAbsolutePath().resolve("data/leadrelay") + ";WRITE_DELAY=0";
		try (Mocks mocks = new Mocks()) {
			if (!options.endToEndOnly) {
				ingestPhase(db, url, work, mocks, options, rows);
			}
			if (options.ingestOnly) {
				return rows;
			}
			String fresh = (postgres != null) ? freshDatabase(postgres)
					: "jdbc:h2:file:" + work.toAbsolutePath().resolve("data/end-to-end") + ";WRITE_DELAY=0";
			Engine endToEnd = new Engine(options.jar, work, "end-to-end", fresh, mocks, true, options);
			endToEnd.start();
			endToEnd.configure(mocks);
			rows.addAll(endToEnd(db, endToEnd, mocks, options));
			rows.add(row(db, "peak RSS (end-to-end engine)", endToEnd.peakRssMiB() + " MiB", null, ""));
			endToEnd.stop();
		}
		finally {
			if (postgres != null) {
				postgres.close();
			}
		}
		return rows;
	}

	static void ingestPhase(String db, String url, Path work, Mocks mocks, Options options, List<String> rows)
			throws Exception {
		{
			Engine ingest = new Engine(options.jar, work, "ingest", url, mocks, false, options);
			ingest.start();
			rows.add(row(db, "start-up (process start to health UP)", ingest.startup.toMillis() + " ms", null,
					"Spring Boot says: started in " + ingest.startedInSeconds() + " s"));
			load(ingest.url("/webhooks/bench-bare"), options.concurrency, Duration.ofSeconds(options.warmup), null);
			Result bare = load(ingest.url("/webhooks/bench-bare"), options.concurrency,
					Duration.ofSeconds(options.seconds), null);
			rows.add(row(db, "bare endpoint, same stack (ceiling)", bare.rate("req/s"), bare, ""));
			load(ingest.url("/webhooks/meta"), options.concurrency, Duration.ofSeconds(options.warmup), null);
			Result webhooks = load(ingest.url("/webhooks/meta"), options.concurrency,
					Duration.ofSeconds(options.seconds), null);
			rows.add(row(db, "ingest: signed webhook verified, stored, 200", webhooks.rate("req/s"), webhooks,
					String.format(Locale.ROOT, "%.0f%% of the bare endpoint",
							100.0 * webhooks.perSecond() / bare.perSecond())));
			if (options.preload > 0) {
				ingest = preloaded(db, url, ingest, options, rows, webhooks);
			}
			rows.add(row(db, "peak RSS (ingest engine)", ingest.peakRssMiB() + " MiB", null, ""));
			ingest.stop();
		}
	}

	/**
	 * Stores {@code options.preload} more leads directly in the database (with the engine
	 * stopped for H2, whose file it locks), then measures ingest again.
	 */
	static Engine preloaded(String db, String url, Engine engine, Options options, List<String> rows, Result before)
			throws Exception {
		boolean h2 = url.startsWith("jdbc:h2");
		if (h2) {
			engine.stop();
		}
		long started = System.nanoTime();
		try (java.sql.Connection connection = java.sql.DriverManager.getConnection(url, h2 ? "sa" : "postgres", "");
				java.sql.PreparedStatement insert = connection.prepareStatement("""
						INSERT INTO lead_event (leadgen_id, page_id, form_id, received_at, source, status, raw_value)
						SELECT CAST(800000000000000 + X AS VARCHAR(32)), '%s', '%s', CURRENT_TIMESTAMP, 'webhook', 'mapped', '{}'
						FROM %s""".formatted(PAGE, FORM, h2 ? "SYSTEM_RANGE(1, ?) R" : "generate_series(1, ?) AS R(X)"))) {
			insert.setInt(1, options.preload);
			insert.executeUpdate();
		}
		long seconds = (System.nanoTime() - started) / 1_000_000_000L;
		if (h2) {
			engine.start();
		}
		load(engine.url("/webhooks/meta"), options.concurrency, Duration.ofSeconds(options.warmup), null);
		Result after = load(engine.url("/webhooks/meta"), options.concurrency, Duration.ofSeconds(options.seconds), null);
		rows.add(row(db, String.format(Locale.ROOT, "ingest with %,d more leads stored", options.preload),
				after.rate("req/s"), after, String.format(Locale.ROOT, "%.0f%% of the rate before (preloaded in %d s)",
						100.0 * after.perSecond() / before.perSecond(), seconds)));
		return engine;
	}

	static String freshDatabase(EmbeddedPostgres postgres) throws java.sql.SQLException {
		try (java.sql.Connection connection = postgres.getPostgresDatabase().getConnection();
				java.sql.Statement statement = connection.createStatement()) {
			statement.execute("CREATE DATABASE end_to_end");
		}
		return postgres.getJdbcUrl("postgres", "end_to_end");
	}

	static List<String> endToEnd(String db, Engine engine, Mocks mocks, Options options) {
		Map<String, Long> sentAt = new ConcurrentHashMap<>();
		// Warm up the same path at the same pace (the JIT compiles the engine's code only
		// after it ran a while), let the backlog drain, then measure.
		Result warmup = load(engine.url("/webhooks/meta"), options.e2eConcurrency,
				Duration.ofSeconds(options.warmup), null, options.e2eRate);
		long drained = System.nanoTime() + Duration.ofMinutes(3).toNanos();
		while (mocks.received.size() < warmup.ok && System.nanoTime() < drained) {
			LockSupport.parkNanos(Duration.ofMillis(50).toNanos());
		}
		mocks.received.clear();
		long start = System.nanoTime();
		Result webhooks = load(engine.url("/webhooks/meta"), options.e2eConcurrency,
				Duration.ofSeconds(options.e2eSeconds), (id) -> sentAt.put(Long.toString(id), System.nanoTime()),
				options.e2eRate);
		long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
		while (mocks.received.keySet().stream().filter(sentAt::containsKey).count() < webhooks.ok
				&& System.nanoTime() < deadline) {
			LockSupport.parkNanos(Duration.ofMillis(50).toNanos());
		}
		long stopped = start + (long) (webhooks.seconds * 1e9);
		long last = mocks.received.values().stream().mapToLong(Long::longValue).max().orElse(start);
		long afterStop = mocks.received.values().stream().filter((at) -> at > stopped).count();
		double drainRate = (last > stopped) ? afterStop / ((last - stopped) / 1e9) : 0;
		long[] latencies = mocks.received.entrySet()
			.stream()
			.filter((entry) -> sentAt.containsKey(entry.getKey()))
			.mapToLong((entry) -> entry.getValue() - sentAt.get(entry.getKey()))
			.sorted()
			.toArray();
		double seconds = (last - start) / 1e9;
		Result delivered = new Result(latencies.length, 0, seconds, latencies);
		List<String> rows = new ArrayList<>();
		String what = (options.e2eRate > 0)
				? String.format(Locale.ROOT, "end to end, webhooks paced at %.0f/s (leads/s, webhook-to-CRM latency)",
						options.e2eRate)
				: "end to end, webhooks as fast as they are answered (leads/s, webhook-to-CRM latency)";
		rows.add(row(db, what, delivered.rate("leads/s"),
				delivered,
				String.format(Locale.ROOT,
						"%d of %d acknowledged leads in the CRM; webhooks meanwhile %s; after the webhooks stopped, "
								+ "the backlog drained at %,.0f leads/s",
						latencies.length, webhooks.ok, webhooks.rate("req/s"), drainRate)));
		return rows;
	}

	/** Sends signed leadgen notifications (or posts to the bare endpoint) for a while. */
	static Result load(String url, int concurrency, Duration duration, LongConsumer onSend) {
		if (onSend == null && Wrk.AVAILABLE) {
			return Wrk.load(url, concurrency, duration);
		}
		return load(url, concurrency, duration, onSend, 0);
	}

	/**
	 * The same, paced: when {@code rate} is above 0, the connections together send that
	 * many requests per second (open loop) instead of as many as they can.
	 */
	static Result load(String url, int concurrency, Duration duration, LongConsumer onSend, double rate) {
		URI target = URI.create(url);
		long interval = (rate > 0) ? (long) (1e9 * concurrency / rate) : 0;
		long end = System.nanoTime() + duration.toNanos();
		long[][] latencies = new long[concurrency][];
		long[] failed = new long[concurrency];
		Thread[] threads = new Thread[concurrency];
		long start = System.nanoTime();
		for (int t = 0; t < concurrency; t++) {
			int index = t;
			threads[t] = new Thread(() -> {
				long[] own = new long[1 << 16];
				int count = 0;
				Connection connection = null;
				long next = System.nanoTime() + (interval * index) / concurrency;
				while (System.nanoTime() < end) {
					if (interval > 0) {
						for (long wait = next - System.nanoTime(); wait > 0; wait = next - System.nanoTime()) {
							LockSupport.parkNanos(wait);
						}
						next += interval;
					}
					long id = NEXT_ID.getAndIncrement();
					byte[] body = notification(Long.toString(id));
					long sent = System.nanoTime();
					if (onSend != null) {
						onSend.accept(id);
					}
					int status;
					try {
						if (connection == null) {
							connection = new Connection(target);
						}
						status = connection.post(target.getPath(), body, sign(body));
						if (connection.closed) {
							connection = Connection.close(connection);
						}
					}
					catch (IOException ex) {
						status = -1;
						connection = Connection.close(connection);
					}
					if (status == 200) {
						if (count == own.length) {
							own = Arrays.copyOf(own, count * 2);
						}
						own[count++] = System.nanoTime() - sent;
					}
					else {
						failed[index]++;
					}
				}
				Connection.close(connection);
				latencies[index] = Arrays.copyOf(own, count);
			});
			threads[t].start();
		}
		for (Thread thread : threads) {
			try {
				thread.join();
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}
		double seconds = (System.nanoTime() - start) / 1e9;
		long[] all = Arrays.stream(latencies).flatMapToLong(Arrays::stream).sorted().toArray();
		return new Result(all.length, Arrays.stream(failed).sum(), seconds, all);
	}

	/**
	 * Load from wrk (Debian package {@code wrk}) when it is installed: written in C on
	 * epoll, it leaves more of the two cores to the engine than the Java client above
	 * (which halved the bare endpoint's figure). Requests are signed beforehand, one new
	 * leadgen id each, and read by a Lua script.
	 */
	static final class Wrk {

		static final int MAX_RATE = 40_000;

		static final int THREADS = 2;

		static final boolean AVAILABLE = available();

		static boolean available() {
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

		static Result load(String url, int concurrency, Duration duration) {
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

		static void writeRequests(Path file, long count) throws IOException {
			try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 20)) {
				for (long i = 0; i < count; i++) {
					byte[] body = notification(Long.toString(NEXT_ID.getAndIncrement()));
					out.write(sign(body).getBytes(StandardCharsets.US_ASCII));
					out.write('\t');
					out.write(body);
					out.write('\n');
				}
			}
		}

		static Result parse(String output) {
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
			Map<Integer, String> quoted = new java.util.HashMap<>();
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
			return new Result(requests - failed, failed, seconds, new long[0], quoted);
		}

		static final String SCRIPT = """
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

	}

	/**
	 * A minimal HTTP/1.1 client on one keep-alive connection: cheap enough that the load
	 * generator leaves the CPU to the engine it measures.
	 */
	static final class Connection {

		final Socket socket;

		final OutputStream out;

		final InputStream in;

		final String host;

		/** Whether the server said it closes the connection after this answer. */
		boolean closed;

		Connection(URI target) throws IOException {
			this.socket = new Socket(target.getHost(), target.getPort());
			this.socket.setTcpNoDelay(true);
			this.socket.setSoTimeout(30_000);
			this.out = new BufferedOutputStream(this.socket.getOutputStream(), 8192);
			this.in = new BufferedInputStream(this.socket.getInputStream(), 8192);
			this.host = target.getHost() + ":" + target.getPort();
		}

		int post(String path, byte[] body, String signature) throws IOException {
			String head = "POST " + path + " HTTP/1.1\r\nHost: " + this.host
					+ "\r\nContent-Type: application/json\r\nX-Hub-Signature-256: " + signature
					+ "\r\nContent-Length: " + body.length + "\r\n\r\n";
			this.out.write(head.getBytes(StandardCharsets.US_ASCII));
			this.out.write(body);
			this.out.flush();
			String status = line();
			int code = Integer.parseInt(status.substring(9, 12));
			long length = -1;
			boolean chunked = false;
			boolean close = false;
			for (String header = line(); !header.isEmpty(); header = line()) {
				String lower = header.toLowerCase(Locale.ROOT);
				if (lower.startsWith("content-length:")) {
					length = Long.parseLong(lower.substring(15).strip());
				}
				else if (lower.startsWith("transfer-encoding:") && lower.contains("chunked")) {
					chunked = true;
				}
				else if (lower.startsWith("connection:") && lower.contains("close")) {
					close = true;
				}
			}
			if (chunked) {
				for (long size = Long.parseLong(line().strip(), 16); size > 0; size = Long.parseLong(line().strip(), 16)) {
					skip(size);
					line();
				}
				line();
			}
			else if (length > 0) {
				skip(length);
			}
			this.closed = close;
			return code;
		}

		private String line() throws IOException {
			StringBuilder line = new StringBuilder();
			for (int c = this.in.read(); c != '\n'; c = this.in.read()) {
				if (c < 0) {
					throw new IOException("connection closed");
				}
				if (c != '\r') {
					line.append((char) c);
				}
			}
			return line.toString();
		}

		private void skip(long bytes) throws IOException {
			for (long left = bytes; left > 0;) {
				long skipped = this.in.skip(left);
				if (skipped <= 0) {
					if (this.in.read() < 0) {
						throw new IOException("connection closed");
					}
					skipped = 1;
				}
				left -= skipped;
			}
		}

		static Connection close(Connection connection) {
			if (connection != null) {
				try {
					connection.socket.close();
				}
				catch (IOException ex) {
					// closing anyway
				}
			}
			return null;
		}

	}

	static byte[] notification(String leadgenId) {
		return ("{\"object\":\"page\",\"entry\":[{\"id\":\"" + PAGE + "\",\"time\":1767225600,\"changes\":[{\"field\":"
				+ "\"leadgen\",\"value\":{\"leadgen_id\":\"" + leadgenId + "\",\"page_id\":\"" + PAGE
				+ "\",\"form_id\":\"" + FORM + "\",\"adgroup_id\":\"238000000000022\",\"ad_id\":\"238000000000023\","
				+ "\"created_time\":1767225590}}]}]}")
			.getBytes(StandardCharsets.UTF_8);
	}

	static String sign(byte[] body) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
			return "sha256=" + HexFormat.of().formatHex(mac.doFinal(body));
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	static String row(String db, String what, String value, Result result, String note) {
		if (result == null) {
			return "| " + db + " | " + what + " | " + value + " | | | | " + note + " |";
		}
		return "| " + db + " | " + what + " | " + value + " | " + result.percentile(50) + " | "
				+ result.percentile(90) + " | " + result.percentile(99) + " | " + note
				+ ((result.failed > 0) ? " (" + result.failed + " non-200)" : "") + " |";
	}

	static String machine() {
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

	/** What one measurement gave. */
	record Result(long ok, long failed, double seconds, long[] latencies, Map<Integer, String> quoted) {

		Result(long ok, long failed, double seconds, long[] latencies) {
			this(ok, failed, seconds, latencies, Map.of());
		}

		double perSecond() {
			return this.ok / this.seconds;
		}

		String rate(String unit) {
			return String.format(Locale.ROOT, "%,.0f %s", perSecond(), unit);
		}

		String percentile(int p) {
			if (this.quoted.containsKey(p)) {
				return this.quoted.get(p);
			}
			if (this.latencies.length == 0) {
				return "-";
			}
			long nanos = this.latencies[Math.min(this.latencies.length - 1, (int) (this.latencies.length * p / 100.0))];
			return String.format(Locale.ROOT, "%.1f ms", nanos / 1e6);
		}

	}

	/** The command line. */
	record Options(Path jar, List<String> databases, int concurrency, int seconds, int e2eSeconds, boolean profile,
			int preload, int e2eConcurrency, boolean endToEndOnly, boolean ingestOnly, List<String> engineArguments,
			double e2eRate, int warmup, String heap) {

		static Options parse(String[] args) {
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
			return new Options(jar, databases, concurrency, seconds, e2eSeconds, profile, preload, e2eConcurrency,
					endToEndOnly, ingestOnly, List.copyOf(engineArguments), e2eRate, warmup, heap);
		}

	}

	/** The Graph API and a HubSpot-like CRM, answering at once; the CRM notes when each lead arrives. */
	static final class Mocks implements AutoCloseable {

		static final Pattern EMAIL = Pattern.compile("\"id\"\\s*:\\s*\"lead-([0-9]+)@example\\.com\"");

		final Map<String, Long> received = new ConcurrentHashMap<>();

		final HttpServer graph = server(this::graph);

		final HttpServer crm = server(this::crm);

		String graphUrl() {
			return "http://127.0.0.1:" + this.graph.getAddress().getPort();
		}

		String crmUrl() {
			return "http://127.0.0.1:" + this.crm.getAddress().getPort();
		}

		private void graph(HttpExchange exchange) throws IOException {
			String path = exchange.getRequestURI().getPath();
			String id = path.substring(path.lastIndexOf('/') + 1);
			if (path.endsWith("debug_token")) {
				respond(exchange, "{\"data\":{\"is_valid\":true,\"expires_at\":0,\"scopes\":[\"leads_retrieval\"]}}");
			}
			else if (id.equals(FORM)) {
				respond(exchange, "{\"id\":\"" + FORM + "\",\"name\":\"Quote form\",\"questions\":[]}");
			}
			else {
				respond(exchange, "{\"id\":\"" + id + "\",\"created_time\":\"2026-11-23T10:00:00+0000\",\"form_id\":\""
						+ FORM + "\",\"campaign_name\":\"Bench\",\"platform\":\"fb\",\"is_organic\":false,"
						+ "\"field_data\":[{\"name\":\"email\",\"values\":[\"lead-" + id + "@example.com\"]},"
						+ "{\"name\":\"full_name\",\"values\":[\"Ana Lopez\"]}]}");
			}
		}

		private void crm(HttpExchange exchange) throws IOException {
			long now = System.nanoTime();
			String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
			StringBuilder results = new StringBuilder();
			Matcher matcher = EMAIL.matcher(body);
			while (matcher.find()) {
				this.received.putIfAbsent(matcher.group(1), now);
				results.append(results.isEmpty() ? "" : ",")
					.append("{\"id\":\"")
					.append(matcher.group(1))
					.append("\",\"new\":true,\"properties\":{\"email\":\"lead-")
					.append(matcher.group(1))
					.append("@example.com\"}}");
			}
			respond(exchange, "{\"status\":\"COMPLETE\",\"results\":[" + results + "]}");
		}

		private static HttpServer server(com.sun.net.httpserver.HttpHandler handler) {
			try {
				HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 1000);
				server.createContext("/", handler);
				server.setExecutor(Executors.newFixedThreadPool(16));
				server.start();
				return server;
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}

		private static void respond(HttpExchange exchange, String body) throws IOException {
			byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
			exchange.getResponseHeaders().set("Content-Type", "application/json");
			exchange.sendResponseHeaders(200, bytes.length);
			exchange.getResponseBody().write(bytes);
			exchange.close();
		}

		@Override
		public void close() {
			this.graph.stop(0);
			this.crm.stop(0);
		}

	}

	/** The packaged engine as a separate process. */
	static final class Engine {

		final Path jar;

		final Path log;

		final List<String> command = new ArrayList<>();

		final int port = freePort();

		Process process;

		Duration startup;

		Engine(Path jar, Path work, String name, String database, Mocks mocks, boolean processLeads, Options options)
				throws IOException {
			boolean profile = options.profile;
			this.jar = jar;
			this.log = work.resolve(name + ".log");
			Path mappings = Files.createDirectories(work.resolve(name + "-mappings"));
			Files.writeString(mappings.resolve("bench.yaml"), """
					id: bench
					destination: crm
					fields:
					  email: {answer: email, transforms: [trim, lower], required: true}
					  firstname: {answer: full_name, transforms: [{split_name: first}, title]}
					  lastname: {answer: full_name, transforms: [{split_name: last}, title]}
					  lead_source: {template: "{{campaign_name}} ({{platform}})"}
					""");
			this.command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
			if (!options.heap.isEmpty()) {
				this.command.add("-Xmx" + options.heap);
			}
			if (profile) {
				this.command.add("-XX:StartFlightRecording=filename=" + work.toAbsolutePath().resolve(name + ".jfr")
						+ ",settings=profile");
			}
			this.command.addAll(List.of("-jar",
					jar.toString(), "--server.port=" + this.port, "--spring.datasource.url=" + database,
					"--spring.datasource.username=" + (database.startsWith("jdbc:postgresql") ? "postgres" : "sa"),
					"--camel.main.routes-include-pattern=file:routes/*.yaml,file:bench/routes/*.yaml",
					"--leadrelay.graph.base-url=" + mocks.graphUrl(), "--leadrelay.mapping.directory=" + mappings,
					"--leadrelay.meta.app-secrets=" + SECRET,
					"--leadrelay.security.bootstrap-admin-password=" + ADMIN_PASSWORD,
					"--leadrelay.crypto.keys.k1=AQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQE=",
					"--leadrelay.pipeline.enabled=" + processLeads, "--leadrelay.delivery.enabled=" + processLeads,
					"--leadrelay.backfill.interval=24h", "--logging.level.root=WARN",
					"--logging.level.io.leadrelay.LeadRelayApplication=INFO"));
			this.command.addAll(options.engineArguments);
		}

		void start() throws IOException {
			long started = System.nanoTime();
			this.process = new ProcessBuilder(this.command).redirectErrorStream(true).redirectOutput(this.log.toFile()).start();
			HttpClient http = HttpClient.newHttpClient();
			while (true) {
				if (!this.process.isAlive()) {
					throw new IllegalStateException("The engine exited; see " + this.log);
				}
				try {
					if (http.send(HttpRequest.newBuilder(URI.create(url("/actuator/health"))).build(),
							HttpResponse.BodyHandlers.ofString()).body().contains("\"UP\"")) {
						break;
					}
				}
				catch (IOException ex) {
					LockSupport.parkNanos(Duration.ofMillis(20).toNanos());
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
					return;
				}
			}
			this.startup = Duration.ofNanos(System.nanoTime() - started);
		}

		String startedInSeconds() throws IOException {
			Matcher matcher = Pattern.compile("Started \\w+ in ([0-9.]+) seconds").matcher(Files.readString(this.log));
			return matcher.find() ? matcher.group(1) : "?";
		}

		void configure(Mocks mocks) throws IOException, InterruptedException {
			admin("/api/v1/pages", "{\"pageId\":\"" + PAGE + "\",\"name\":\"Bench\",\"accessToken\":\"EAAG-bench\"}");
			admin("/api/v1/destinations", "{\"id\":\"crm\",\"name\":\"CRM\",\"type\":\"hubspot\",\"settings\":{\"baseUrl\":\""
					+ mocks.crmUrl() + "\"},\"credentials\":{\"accessToken\":\"pat-bench\"}}");
		}

		void admin(String path, String body) throws IOException, InterruptedException {
			String credentials = Base64.getEncoder()
				.encodeToString(("admin:" + ADMIN_PASSWORD).getBytes(StandardCharsets.UTF_8));
			HttpResponse<String> response = HttpClient.newHttpClient()
				.send(HttpRequest.newBuilder(URI.create(url(path)))
					.header("Authorization", "Basic " + credentials)
					.header("Content-Type", "application/json")
					.POST(HttpRequest.BodyPublishers.ofString(body))
					.build(), HttpResponse.BodyHandlers.ofString());
			if (response.statusCode() / 100 != 2) {
				throw new IllegalStateException(path + " answered " + response.statusCode() + ": " + response.body());
			}
		}

		/** The highest resident set size of the engine so far (Linux VmHWM), in MiB. */
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

		void stop() throws InterruptedException {
			this.process.destroy();
			this.process.waitFor();
		}

		static int freePort() {
			try (ServerSocket socket = new ServerSocket(0)) {
				return socket.getLocalPort();
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}

	}

}
