package io.leadrelay.privacy;

import java.time.Clock;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.IntStream;

import io.leadrelay.crypto.SecretCipher;
import io.leadrelay.support.LeadRelayIntegrationTest;
import io.leadrelay.support.TableCleaner;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The suppression secret is made once, in a transaction of its own: the first erasure
 * rolling back does not take it away, and engines making it at the same moment all end up
 * with the one stored. Each {@link Suppressions} here is a new engine (nothing cached).
 */
@LeadRelayIntegrationTest
class SuppressionSecretTests {

	static final PersonKey ANA = new PersonKey(PersonKey.Kind.EMAIL, "ana@example.com");

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	SecretCipher cipher;

	@Autowired
	PhoneNumbers phones;

	@Autowired
	Clock clock;

	@Autowired
	PlatformTransactionManager transactions;

	@BeforeEach
	void noSecretYet() {
		TableCleaner.deleteAll(this.jdbc);
		assertThat(this.jdbc.queryForObject("SELECT COUNT(*) FROM privacy_secret", Integer.class)).isZero();
	}

	@Test
	void theSecretMadeByAnErasureThatRolledBackIsStoredAndUsedByEveryEngine() {
		Suppressions first = engine();
		String[] hash = new String[1];
		new TransactionTemplate(this.transactions).executeWithoutResult((status) -> {
			hash[0] = first.hash(ANA);
			status.setRollbackOnly();
		});

		assertThat(this.jdbc.queryForObject("SELECT COUNT(*) FROM privacy_secret", Integer.class)).isOne();
		assertThat(engine().hash(ANA)).isEqualTo(hash[0]).isEqualTo(first.hash(ANA));
	}

	@Test
	void enginesMakingTheSecretAtTheSameMomentAllUseTheStoredOne() {
		CountDownLatch start = new CountDownLatch(1);
		ExecutorService threads = Executors.newFixedThreadPool(4);
		List<CompletableFuture<String>> hashes = IntStream.range(0, 4)
			.mapToObj((n) -> CompletableFuture.supplyAsync(() -> {
				Suppressions engine = engine();
				await(start);
				return new TransactionTemplate(this.transactions).execute((status) -> engine.hash(ANA));
			}, threads))
			.toList();
		start.countDown();

		List<String> made = hashes.stream().map(CompletableFuture::join).distinct().toList();
		threads.shutdown();
		assertThat(made).containsExactly(engine().hash(ANA));
	}

	private Suppressions engine() {
		return new Suppressions(this.jdbc, this.cipher, this.phones, this.clock, this.transactions);
	}

	private static void await(CountDownLatch latch) {
		try {
			latch.await();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

}
