package io.leadrelay.resilience;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.leadrelay.support.CallWindows;
import io.leadrelay.support.EmbeddedPostgresSupport;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two engine processes on one PostgreSQL send to one HubSpot destination limited to
 * {@value #LIMIT} calls a second: together they stay within it. One lead per call
 * ({@code delivery.batch-size=1}), so {@value #LEADS} leads make {@value #LEADS} calls,
 * and the CRM counts the calls in every one-second window.
 */
class ClusterRateLimitIT {

	static final int LIMIT = 5;

	static final int LEADS = 100;

	static final int WARM_UP_CALLS = 16;

	private static final Logger log = LoggerFactory.getLogger(ClusterRateLimitIT.class);

	private static final Pattern DELIVERED = Pattern
		.compile("leadrelay_deliveries_total\\{destination=\"crm\",outcome=\"delivered\"[^}]*} ([0-9.]+)");

	@Test
	void twoEnginesTogetherKeepADestinationsRateLimit() throws Exception {
		try (ResilienceHarness harness = new ResilienceHarness("cluster-rate-limit")) {
			warmUp(harness.crm);
			String database = EmbeddedPostgresSupport.newDatabase("cluster_rate_limit");
			List<String> arguments = new ArrayList<>(
					EngineProcess.arguments(database, harness.graph.baseUrl(), harness.mappings));
			arguments.addAll(List.of("--spring.datasource.username=postgres",
					"--leadrelay.delivery.rate-limits.hubspot=" + LIMIT, "--leadrelay.delivery.batch-size=1"));
			EngineProcess first = new EngineProcess(ResilienceHarness.jar(), harness.directory, "first", arguments);
			EngineProcess second = new EngineProcess(ResilienceHarness.jar(), harness.directory, "second", arguments);
			try {
				CompletableFuture
					.allOf(CompletableFuture.runAsync(first::start), CompletableFuture.runAsync(second::start))
					.get();
				harness.configure(first);
				AtomicInteger turn = new AtomicInteger();
				MetaLikeSender sender = new MetaLikeSender(
						() -> ((turn.incrementAndGet() % 2 == 0) ? second : first).baseUrl());
				sender.send(950000000000000L, LEADS, 4);
				harness.awaitDelivered(first, LEADS, Duration.ofSeconds(60));
				List<Long> calls = harness.crm.callTimes();
				assertWithinTheLimit(calls.subList(WARM_UP_CALLS, calls.size()), delivered(first), delivered(second));
				harness.assertNothingLost("rate limit across two engines", sender, database, "postgres");
			}
			finally {
				first.stop();
				second.stop();
			}
		}
	}

	private static void assertWithinTheLimit(List<Long> calls, int byFirst, int bySecond) {
		int busiest = CallWindows.busiestSecond(calls);
		double seconds = (calls.get(calls.size() - 1) - calls.get(0)) / 1e9;
		// The first calls wait for the pipeline; by the second half the deliveries queue
		// up.
		List<Long> backlog = calls.subList(calls.size() / 2, calls.size());
		double sustained = (backlog.size() - 1) * 1e9 / (backlog.get(backlog.size() - 1) - backlog.get(0));
		log.info(
				"Rate limit {}/s on one destination, two engines on PostgreSQL: {} calls in {} s, {} calls/s "
						+ "with a backlog; at most {} in any one second ({} calls came {} ms apart at the closest); "
						+ "deliveries sent by each engine: {} and {}",
				LIMIT, calls.size(), String.format("%.1f", seconds), String.format("%.2f", sustained), busiest,
				LIMIT + 1, CallWindows.shortestSpan(calls, LIMIT + 1).toMillis(), byFirst, bySecond);
		assertThat(busiest).as("calls in the busiest second").isLessThanOrEqualTo(LIMIT);
		assertThat(sustained).as("calls per second with a backlog").isGreaterThan(LIMIT * 0.8);
		assertThat(List.of(byFirst, bySecond)).as("deliveries sent by each engine").allMatch((sent) -> sent > 0);
	}

	/**
	 * Warms the CRM stand-in up, as a real CRM is: its first calls in this JVM (threads
	 * started, classes loaded) are answered up to 200 ms late, and calls the engines
	 * spaced correctly would be counted close together.
	 */
	private static void warmUp(RecordingCrm crm) throws Exception {
		HttpClient http = HttpClient.newHttpClient();
		List<CompletableFuture<HttpResponse<String>>> calls = new ArrayList<>();
		for (int i = 0; i < WARM_UP_CALLS; i++) {
			calls.add(http.sendAsync(HttpRequest.newBuilder(URI.create(crm.baseUrl() + RecordingCrm.UPSERT))
				.POST(HttpRequest.BodyPublishers.ofString("{\"inputs\":[]}"))
				.build(), HttpResponse.BodyHandlers.ofString()));
		}
		for (CompletableFuture<HttpResponse<String>> call : calls) {
			assertThat(call.get().statusCode()).isEqualTo(200);
		}
	}

	/** Deliveries this engine sent, from its Prometheus metrics. */
	private static int delivered(EngineProcess engine) {
		try {
			String metrics = HttpClient.newHttpClient()
				.send(HttpRequest.newBuilder(URI.create(engine.baseUrl() + "/actuator/prometheus"))
					.header("Authorization", "Bearer " + EngineProcess.MANAGEMENT_TOKEN)
					.build(), HttpResponse.BodyHandlers.ofString())
				.body();
			Matcher delivered = DELIVERED.matcher(metrics);
			return delivered.find() ? (int) Double.parseDouble(delivered.group(1)) : 0;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

}
