package io.leadrelay.resilience;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.LockSupport;

import io.leadrelay.support.LeadgenPayloads;
import org.junit.jupiter.api.Test;

import static org.awaitility.Awaitility.await;

/**
 * The packaged engine riding out what the outside world does: the CRM failing with 503,
 * then gone (connections refused), then throttling with 429 and Retry-After, then back;
 * and the page token revoked, then replaced. Afterwards every lead is delivered, once.
 */
class OutagesIT {

	static final int LEADS_PER_PHASE = 100;

	@Test
	void deliversEverythingOnceTheCrmAndTheTokenAreBack() throws Exception {
		try (ResilienceHarness harness = new ResilienceHarness("outages")) {
			String database = "jdbc:h2:file:" + harness.directory.resolve("data/leadrelay") + ";WRITE_DELAY=0";
			// H2's user is no longer a default of the engine's: name the one the check
			// uses.
			List<String> arguments = new ArrayList<>(
					EngineProcess.arguments(database, harness.graph.baseUrl(), harness.mappings));
			arguments.add("--spring.datasource.username=sa");
			EngineProcess engine = new EngineProcess(ResilienceHarness.jar(), harness.directory, "engine", arguments);
			engine.start();
			harness.configure(engine);
			MetaLikeSender sender = new MetaLikeSender(engine::baseUrl);

			harness.crm.mode(RecordingCrm.Mode.FAILING);
			sender.send(950000000000000L, LEADS_PER_PHASE, 2);
			await().atMost(Duration.ofSeconds(30)).until(() -> harness.crm.refused() >= 3);
			harness.crm.goAway();
			pause(Duration.ofSeconds(4));
			harness.crm.comeBack();
			harness.crm.mode(RecordingCrm.Mode.THROTTLING);
			pause(Duration.ofSeconds(3));
			harness.crm.mode(RecordingCrm.Mode.UP);
			harness.awaitDelivered(engine, LEADS_PER_PHASE, Duration.ofMinutes(2));

			harness.graph.revokeToken(true);
			sender.send(951000000000000L, LEADS_PER_PHASE, 2);
			await().atMost(Duration.ofSeconds(60))
				.until(() -> harness.admin(engine, "GET", "/api/v1/pages/" + LeadgenPayloads.PAGE_ID, null)
					.contains("\"tokenStatus\":\"needs_token\""));
			harness.graph.revokeToken(false);
			harness.admin(engine, "PUT", "/api/v1/pages/" + LeadgenPayloads.PAGE_ID,
					"{\"accessToken\":\"EAAG-page-2\"}");
			harness.awaitDelivered(engine, 2 * LEADS_PER_PHASE, Duration.ofMinutes(2));
			engine.stop();
			harness.assertNothingLost("outages (CRM 503, refused, 429; token revoked and replaced)", sender, database,
					"sa");
		}
	}

	private static void pause(Duration duration) {
		long end = System.nanoTime() + duration.toNanos();
		while (System.nanoTime() < end) {
			LockSupport.parkNanos(end - System.nanoTime());
		}
	}

}
