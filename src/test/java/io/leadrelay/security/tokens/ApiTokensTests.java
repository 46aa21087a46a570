package io.leadrelay.security.tokens;

import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import com.zaxxer.hikari.HikariDataSource;
import io.leadrelay.support.TestUsers;
import io.leadrelay.security.TokenChanged;
import io.leadrelay.security.tokens.ApiTokens.Verdict;
import io.leadrelay.support.MigratedDatabases;
import io.leadrelay.support.MutableClock;
import io.leadrelay.web.InvalidRequestException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Tokens in the database (H2 here; {@link ApiTokensPostgresTests} on PostgreSQL):
 * created, shown once, stored hashed, refused once revoked or expired, limited per token.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ApiTokensTests {

	static final Instant NOW = Instant.parse("2026-12-04T10:00:00Z");

	static final int LIMIT = 3;

	final List<HikariDataSource> pools = new ArrayList<>();

	final List<Object> events = Collections.synchronizedList(new ArrayList<>());

	String url;

	JdbcTemplate jdbc;

	MutableClock clock;

	ApiTokens tokens;

	long mia;

	long tom;

	String databaseUrl() {
		return MigratedDatabases.h2("api_tokens");
	}

	@BeforeAll
	void migrate() {
		this.url = databaseUrl();
		this.jdbc = new JdbcTemplate(pool());
	}

	@AfterAll
	void close() {
		this.pools.forEach(HikariDataSource::close);
	}

	@BeforeEach
	void users() {
		this.jdbc.update("DELETE FROM api_token");
		this.jdbc.update("DELETE FROM app_user WHERE username IN ('mia', 'tom')");
		this.mia = user("mia");
		this.tom = user("tom");
		this.clock = new MutableClock(NOW);
		this.tokens = engine();
		this.events.clear();
	}

	@Test
	void createsATokenThatActsAsItsOwner() {
		ApiTokens.CreatedToken created = this.tokens.create(this.mia, "mia", " nightly export ", Duration.ofDays(30));

		assertThat(created.token().name()).isEqualTo("nightly export");
		assertThat(created.token().expiresAt()).isEqualTo(NOW.plus(Duration.ofDays(30)));
		assertThat(created.token().hint()).isEqualTo(created.secret().substring(0, 9));
		assertThat(created.toString()).doesNotContain(created.secret());
		assertThat(this.tokens.authenticate(created.secret()))
			.isEqualTo(new Verdict.Accepted(created.token().id(), "mia"));
		assertThat(this.events).containsExactly(new TokenChanged.Created(created.token().id(), "nightly export", "mia",
				"mia", NOW.plus(Duration.ofDays(30))));
	}

	@Test
	void keepsOnlyTheHashOfTheSecret() {
		ApiTokens.CreatedToken created = this.tokens.create(this.mia, "mia", "ci", Duration.ofDays(1));

		String row = this.jdbc.queryForMap("SELECT * FROM api_token").toString();
		assertThat(row).doesNotContain(created.secret().substring(9)).contains(TokenSecrets.hash(created.secret()));
	}

	@Test
	void recordsTheLastUse() {
		ApiTokens.CreatedToken created = this.tokens.create(this.mia, "mia", "ci", Duration.ofDays(1));
		assertThat(this.tokens.ownedBy(this.mia)).singleElement().extracting(ApiToken::lastUsedAt).isNull();

		this.clock.advance(Duration.ofMinutes(5));
		this.tokens.authenticate(created.secret());

		assertThat(this.tokens.ownedBy(this.mia)).singleElement()
			.extracting(ApiToken::lastUsedAt)
			.isEqualTo(NOW.plus(Duration.ofMinutes(5)));
	}

	@Test
	void refusesARevokedToken() {
		ApiTokens.CreatedToken created = this.tokens.create(this.mia, "mia", "ci", Duration.ofDays(1));

		assertThat(this.tokens.revoke(this.mia, "mia", created.token().id())).isTrue();

		assertThat(this.tokens.authenticate(created.secret()))
			.isEqualTo(new Verdict.Refused("The API token 'ci' was revoked"));
		assertThat(this.tokens.ownedBy(this.mia)).singleElement()
			.satisfies((token) -> assertThat(token.status(NOW)).isEqualTo(ApiToken.Status.REVOKED));
		assertThat(this.events).last().isEqualTo(new TokenChanged.Revoked(created.token().id(), "ci", "mia", "mia"));
	}

	@Test
	void revokesOnlyTheOwnersActiveTokens() {
		ApiTokens.CreatedToken created = this.tokens.create(this.mia, "mia", "ci", Duration.ofDays(1));

		assertThat(this.tokens.revoke(this.tom, "tom", created.token().id())).isFalse();
		assertThat(this.tokens.authenticate(created.secret())).isInstanceOf(Verdict.Accepted.class);
		assertThat(this.tokens.revoke(this.mia, "mia", created.token().id())).isTrue();
		assertThat(this.tokens.revoke(this.mia, "mia", created.token().id())).isFalse();
		assertThat(this.events).hasSize(2);
	}

	@Test
	void refusesAnExpiredToken() {
		ApiTokens.CreatedToken created = this.tokens.create(this.mia, "mia", "ci", Duration.ofDays(1));

		this.clock.advance(Duration.ofDays(1).minusSeconds(1));
		assertThat(this.tokens.authenticate(created.secret())).isInstanceOf(Verdict.Accepted.class);
		this.clock.advance(Duration.ofSeconds(1));

		assertThat(this.tokens.authenticate(created.secret()))
			.isEqualTo(new Verdict.Refused("The API token 'ci' expired at 2026-12-05T10:00:00Z"));
	}

	@Test
	void refusesUnknownAndMalformedSecrets() {
		this.tokens.create(this.mia, "mia", "ci", Duration.ofDays(1));

		assertThat(this.tokens.authenticate(new TokenSecrets(new SecureRandom()).generate()))
			.isEqualTo(new Verdict.Refused("The API token is unknown"));
		assertThat(this.tokens.authenticate("integration-admin-password")).isInstanceOf(Verdict.Refused.class);
	}

	@Test
	void limitsEachTokenToItsBudget() {
		String ci = this.tokens.create(this.mia, "mia", "ci", Duration.ofDays(1)).secret();
		String other = this.tokens.create(this.mia, "mia", "other", Duration.ofDays(1)).secret();
		for (int i = 0; i < LIMIT; i++) {
			assertThat(this.tokens.authenticate(ci)).isInstanceOf(Verdict.Accepted.class);
		}

		assertThat(this.tokens.authenticate(ci)).isEqualTo(new Verdict.Limited(20));
		assertThat(this.tokens.authenticate(other)).isInstanceOf(Verdict.Accepted.class);
		this.clock.advance(Duration.ofSeconds(20));
		assertThat(this.tokens.authenticate(ci)).isInstanceOf(Verdict.Accepted.class);
	}

	@Test
	void enginesOnOneDatabaseShareTheLimit() throws Exception {
		String secret = this.tokens.create(this.mia, "mia", "ci", Duration.ofDays(1)).secret();
		List<ApiTokens> engines = List.of(engine(), engine(), engine(), engine());
		int workers = 8;
		int calls = 10;
		CyclicBarrier start = new CyclicBarrier(workers);
		AtomicInteger accepted = new AtomicInteger();
		List<CompletableFuture<Void>> running = new ArrayList<>();
		ExecutorService threads = Executors.newFixedThreadPool(workers);
		try {
			for (int worker = 0; worker < workers; worker++) {
				ApiTokens engine = engines.get(worker % engines.size());
				running.add(CompletableFuture.runAsync(() -> {
					await(start);
					for (int i = 0; i < calls; i++) {
						if (engine.authenticate(secret) instanceof Verdict.Accepted) {
							accepted.incrementAndGet();
						}
					}
				}, threads));
			}
			CompletableFuture.allOf(running.toArray(CompletableFuture[]::new)).get(60, TimeUnit.SECONDS);
		}
		finally {
			threads.shutdownNow();
		}

		assertThat(accepted).hasValue(LIMIT);
	}

	private static void await(CyclicBarrier barrier) {
		try {
			barrier.await(30, TimeUnit.SECONDS);
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	@Test
	void rejectsABlankOrLongName() {
		assertThatExceptionOfType(InvalidRequestException.class)
			.isThrownBy(() -> this.tokens.create(this.mia, "mia", "  ", Duration.ofDays(1)))
			.satisfies((ex) -> assertThat(ex.field()).isEqualTo("name"));
		assertThatExceptionOfType(InvalidRequestException.class)
			.isThrownBy(() -> this.tokens.create(this.mia, "mia", "x".repeat(65), Duration.ofDays(1)))
			.withMessage("The name may have at most 64 characters");
	}

	@Test
	void rejectsASecondUsableTokenOfTheSameName() {
		ApiTokens.CreatedToken first = this.tokens.create(this.mia, "mia", "ci", Duration.ofDays(1));

		assertThatExceptionOfType(InvalidRequestException.class)
			.isThrownBy(() -> this.tokens.create(this.mia, "mia", "ci", Duration.ofDays(1)))
			.withMessageContaining("already have a token named 'ci'");
		this.tokens.create(this.tom, "tom", "ci", Duration.ofDays(1));
		this.tokens.revoke(this.mia, "mia", first.token().id());
		this.tokens.create(this.mia, "mia", "ci", Duration.ofDays(1));
		assertThat(this.tokens.ownedBy(this.mia)).hasSize(2);
	}

	@Test
	void rejectsALifetimeBeyondTheMaximumOrInThePast() {
		assertThatExceptionOfType(InvalidRequestException.class)
			.isThrownBy(() -> this.tokens.create(this.mia, "mia", "ci", Duration.ofDays(366)))
			.withMessage("A token may live at most 365 days (leadrelay.security.tokens.max-lifetime)");
		assertThatExceptionOfType(InvalidRequestException.class)
			.isThrownBy(() -> this.tokens.create(this.mia, "mia", "ci", Duration.ZERO))
			.satisfies((ex) -> assertThat(ex.field()).isEqualTo("lifetime"));
		this.tokens.create(this.mia, "mia", "ci", Duration.ofDays(365));
	}

	private ApiTokens engine() {
		HikariDataSource pool = pool();
		return new ApiTokens(new ApiTokenStore(new JdbcTemplate(pool)), new TokenSecrets(new SecureRandom()),
				new RequestRateLimit(LIMIT, Duration.ofMinutes(1)), Duration.ofDays(365),
				new TransactionTemplate(new DataSourceTransactionManager(pool)), this.events::add, this.clock);
	}

	private HikariDataSource pool() {
		HikariDataSource pool = MigratedDatabases.pool(this.url);
		this.pools.add(pool);
		return pool;
	}

	private long user(String name) {
		return TestUsers.replace(this.jdbc, name, "MARKETER");
	}

}
