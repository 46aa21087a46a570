package io.leadrelay.resilience;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;

import io.leadrelay.support.EmbeddedPostgresSupport;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two engine processes on one PostgreSQL, as users run LeadRelay past one machine: the
 * webhook load is spread over both (as a load balancer would), both work the queues, and
 * one is killed with SIGKILL mid-load and stays dead. The survivor takes over its claimed
 * work once the leases run out: every acknowledged lead reaches the CRM once.
 */
class TwoInstancesIT {

	static final int LEADS = Integer.getInteger("leadrelay.two-instances.leads", 600);

	@Test
	void sharesTheWorkAndSurvivesLosingOneInstance() throws Exception {
		try (ResilienceHarness harness = new ResilienceHarness("two-instances")) {
			String database = EmbeddedPostgresSupport.newDatabase("two_instances");
			List<String> arguments = EngineProcess.arguments(database, harness.graph.baseUrl(), harness.mappings);
			List<String> withUser = new ArrayList<>(arguments);
			withUser.add("--spring.datasource.username=postgres");
			EngineProcess first = new EngineProcess(ResilienceHarness.jar(), harness.directory, "first", withUser);
			EngineProcess second = new EngineProcess(ResilienceHarness.jar(), harness.directory, "second", withUser);
			first.start();
			second.start();
			harness.configure(first);
			AtomicInteger turn = new AtomicInteger();
			MetaLikeSender sender = new MetaLikeSender(() -> {
				EngineProcess next = (turn.incrementAndGet() % 2 == 0 || !first.alive()) ? second : first;
				return (next.alive() ? next : first).baseUrl();
			});
			CompletableFuture<Void> sending = CompletableFuture.runAsync(() -> send(sender));
			sender.awaitAcknowledged(LEADS / 2, LEADS, sending);
			second.kill();
			sending.get();
			assertThat(sender.acknowledged()).hasSize(LEADS);
			harness.awaitDelivered(first, LEADS, Duration.ofMinutes(3));
			first.stop();
			harness.assertNothingLost("two instances on PostgreSQL (one killed)", sender, database, "postgres");
		}
	}

	private static void send(MetaLikeSender sender) {
		try {
			sender.send(940000000000000L, LEADS, 4);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
