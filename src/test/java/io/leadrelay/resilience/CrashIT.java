package io.leadrelay.resilience;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.locks.LockSupport;

import io.leadrelay.support.EmbeddedPostgresSupport;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The packaged engine on its embedded H2, killed with SIGKILL at random moments while
 * Meta keeps sending, and started again on the same data: every lead that got a 200
 * reaches the CRM, once, with its whole audit trail.
 */
class CrashIT {

	static final int LEADS = Integer.getInteger("leadrelay.crash.leads", 600);

	static final int KILLS = Integer.getInteger("leadrelay.crash.kills", 3);

	static final boolean H2 = "h2".equals(System.getProperty("leadrelay.crash.database", "postgres"));

	@Test
	void losesNoAcknowledgedLeadWhenKilledMidStream() throws Exception {
		try (ResilienceHarness harness = new ResilienceHarness("crash")) {
			String database = H2 ? "jdbc:h2:file:" + harness.directory.resolve("data/leadrelay") + ";WRITE_DELAY=0"
					: EmbeddedPostgresSupport.newDatabase("crash");
			List<String> arguments = new ArrayList<>(
					EngineProcess.arguments(database, harness.graph.baseUrl(), harness.mappings));
			arguments.add("--spring.datasource.username=" + (H2 ? "sa" : "postgres"));
			EngineProcess engine = new EngineProcess(ResilienceHarness.jar(), harness.directory, "engine", arguments);
			engine.start();
			harness.configure(engine);
			MetaLikeSender sender = new MetaLikeSender(engine::baseUrl);
			CompletableFuture<Void> sending = CompletableFuture.runAsync(() -> send(sender));
			Random random = new Random(42);
			for (int kill = 1; kill <= KILLS && !sending.isDone(); kill++) {
				int target = LEADS * kill / (KILLS + 1) + random.nextInt(Math.max(1, LEADS / (4 * KILLS)));
				while (sender.acknowledged().size() < target && !sending.isDone()) {
					LockSupport.parkNanos(Duration.ofMillis(20).toNanos());
				}
				engine.kill();
				engine.start();
			}
			sending.get();
			assertThat(sender.acknowledged()).hasSize(LEADS);
			harness.awaitDelivered(engine, LEADS, Duration.ofMinutes(3));
			engine.stop();
			harness.assertNothingLost("crash test (" + KILLS + " kill -9 on " + (H2 ? "H2" : "PostgreSQL") + ")",
					sender, database, H2 ? "sa" : "postgres");
		}
	}

	private static void send(MetaLikeSender sender) {
		try {
			sender.send(930000000000000L, LEADS, 4);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
