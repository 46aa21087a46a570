package io.leadrelay.resilience;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.locks.LockSupport;

import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The packaged engine on its default store, killed with SIGKILL at random moments while
 * Meta keeps sending, and started again on the same data: every lead that got a 200
 * reaches the CRM, once, with its whole audit trail, and after every restart the store
 * finds every stored lead through its indexes.
 * <p>
 * The kills take turns: the engine alone (its PostgreSQL, a daemon, outlives it and the
 * next engine must stop it), the engine and its PostgreSQL together (as when a container
 * or the machine goes down: the server recovers from its write-ahead log), and the engine
 * while it starts (before or during its schema migration).
 * {@code -Dleadrelay.crash.store=h2} or {@code postgres} runs the same test on H2 or on a
 * PostgreSQL server; {@code leads} and {@code kills} make it longer (see bench/README.md,
 * "Crash runs").
 */
class CrashIT {

	static final int LEADS = Integer.getInteger("leadrelay.crash.leads", 600);

	static final int KILLS = Integer.getInteger("leadrelay.crash.kills", 3);

	static final String STORE = System.getProperty("leadrelay.crash.store", "embedded");

	static final long SEED = Long.getLong("leadrelay.crash.seed", 42);

	private static final Logger log = LoggerFactory.getLogger(CrashIT.class);

	@Test
	void losesNoAcknowledgedLeadWhenKilledMidStream() throws Exception {
		try (ResilienceHarness harness = new ResilienceHarness("crash-" + STORE + "-" + SEED)) {
			CrashStore store = CrashStore.of(STORE, harness.directory);
			List<String> arguments = new ArrayList<>(
					EngineProcess.arguments(harness.graph.baseUrl(), harness.mappings));
			arguments.addAll(store.arguments());
			EngineProcess engine = new EngineProcess(ResilienceHarness.jar(), harness.directory, "engine", arguments);
			try {
				crashRepeatedly(harness, store, engine);
			}
			finally {
				engine.stop();
				store.killServer();
			}
		}
	}

	private static void crashRepeatedly(ResilienceHarness harness, CrashStore store, EngineProcess engine)
			throws Exception {
		Random random = new Random(SEED);
		// The first start creates the store and migrates the schema: kill it there
		// too.
		Crash.DURING_START.killWhileStarting(engine, random);
		engine.start();
		harness.configure(engine);
		MetaLikeSender sender = new MetaLikeSender(engine::baseUrl);
		CompletableFuture<Void> sending = CompletableFuture.runAsync(() -> send(sender));
		int checks = 0;
		for (int kill = 1; kill <= KILLS && !sending.isDone(); kill++) {
			int target = LEADS * kill / (KILLS + 1) + random.nextInt(Math.max(1, LEADS / (4 * KILLS)));
			sender.awaitAcknowledged(target, LEADS, sending);
			Crash crash = Crash.values()[(kill - 1) % Crash.values().length];
			crash.apply(engine, store, random);
			if (!store.readableWhileEngineRuns()) {
				assertIntact(store, "after kill " + kill + " (" + crash + ")");
			}
			engine.start();
			if (store.readableWhileEngineRuns()) {
				assertIntact(store, "after restart " + kill + " (" + crash + ")");
			}
			checks++;
		}
		sending.get();
		assertThat(sender.acknowledged()).hasSize(LEADS);
		harness.awaitDelivered(engine, LEADS, Duration.ofMinutes(3 + LEADS / 2000));
		String test = "crash test (" + KILLS + " kill -9 on " + store.label() + ", " + checks
				+ " integrity checks passed)";
		if (store.readableWhileEngineRuns()) {
			harness.assertNothingLost(test, sender, store);
			engine.stop();
		}
		else {
			engine.stop();
			assertIntact(store, "after the last stop");
			harness.assertNothingLost(test, sender, store);
		}
	}

	private static void assertIntact(CrashStore store, String when) throws Exception {
		StoreIntegrity.Report report = store.checkIntegrity();
		log.info("integrity {}: {}", when, report);
		assertThat(report.intact()).as("store integrity " + when + ": " + report).isTrue();
	}

	private static void send(MetaLikeSender sender) {
		try {
			sender.send(930000000000000L, LEADS, 4);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	/** How the engine goes down. */
	enum Crash {

		/** SIGKILL to the engine alone. */
		ENGINE {
			@Override
			void apply(EngineProcess engine, CrashStore store, Random random) {
				engine.kill();
			}
		},

		/** SIGKILL to the engine and to every process of its embedded PostgreSQL. */
		ENGINE_AND_DATABASE {
			@Override
			void apply(EngineProcess engine, CrashStore store, Random random) {
				engine.kill();
				store.killServer();
			}
		},

		/**
		 * SIGKILL to the engine, then again while it starts (store, migration, routes).
		 */
		DURING_START {
			@Override
			void apply(EngineProcess engine, CrashStore store, Random random) {
				engine.kill();
				killWhileStarting(engine, random);
			}
		};

		void killWhileStarting(EngineProcess engine, Random random) {
			engine.launch();
			LockSupport.parkNanos(Duration.ofMillis(1000 + random.nextInt(6000)).toNanos());
			engine.kill();
		}

		abstract void apply(EngineProcess engine, CrashStore store, Random random);

	}

}
