package io.leadrelay.security.signin;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import io.leadrelay.security.SignInRefused;
import io.leadrelay.support.LeadRelayJdbcTest;
import io.leadrelay.support.MutableClock;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Failed sign-ins counted in the database (H2 here, PostgreSQL in the subclass): lockouts
 * per user name and per address that grow, and what ends them.
 */
@LeadRelayJdbcTest
class SignInThrottleTests {

	static final LockoutRules RULES = new LockoutRules(5, 20, Duration.ofMinutes(1), Duration.ofHours(1));

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	PlatformTransactionManager transactions;

	final MutableClock clock = new MutableClock(Instant.parse("2026-12-04T10:00:00Z"));

	final List<Object> events = new ArrayList<>();

	SignInThrottle throttle;

	@BeforeEach
	void setUp() {
		this.jdbc.update("DELETE FROM sign_in_throttle");
		this.throttle = new SignInThrottle(new ThrottleStore(this.jdbc), RULES, this.events::add, this.transactions,
				this.clock);
	}

	@Test
	void letsAUserSignInBeforeTheFifthFailure() {
		failures("alice", "192.0.2.1", 4);
		assertThat(this.throttle.lockout("alice", "192.0.2.1")).isEmpty();
	}

	@Test
	void locksAUserOutForAMinuteAfterFiveFailures() {
		failures("alice", "192.0.2.1", 4);
		assertThat(this.throttle.failed("alice", "192.0.2.1")).get()
			.extracting(Lockout::remaining)
			.isEqualTo(Duration.ofMinutes(1));
		// From any address.
		assertThat(this.throttle.lockout("alice", "198.51.100.7")).isPresent();
		assertThat(this.throttle.lockout("bob", "198.51.100.7")).isEmpty();
		this.clock.advance(Duration.ofSeconds(59));
		assertThat(this.throttle.lockout("alice", "198.51.100.7")).get()
			.extracting(Lockout::retryAfterSeconds)
			.isEqualTo(1L);
		this.clock.advance(Duration.ofSeconds(1));
		assertThat(this.throttle.lockout("alice", "198.51.100.7")).isEmpty();
	}

	@Test
	void doublesEachLockoutInARowUpToTheLongest() {
		List<Duration> lockouts = new ArrayList<>();
		for (int i = 0; i < 8; i++) {
			failures("alice", "192.0.2.1", 4);
			Lockout lockout = this.throttle.failed("alice", "192.0.2.1").orElseThrow();
			lockouts.add(lockout.remaining());
			this.clock.advance(lockout.remaining());
		}
		assertThat(lockouts).extracting(Duration::toMinutes).containsExactly(1L, 2L, 4L, 8L, 16L, 32L, 60L, 60L);
	}

	@Test
	void forgetsLockoutsAfterAQuietHour() {
		failures("alice", "192.0.2.1", 5);
		this.clock.advance(Duration.ofMinutes(1));
		failures("alice", "192.0.2.1", 5);
		this.clock.advance(Duration.ofMinutes(2).plus(Duration.ofHours(1)));
		assertThat(this.throttle.failed("alice", "192.0.2.1")).isEmpty();
		failures("alice", "192.0.2.1", 3);
		assertThat(this.throttle.failed("alice", "192.0.2.1")).get()
			.extracting(Lockout::remaining)
			.isEqualTo(Duration.ofMinutes(1));
	}

	@Test
	void startsCountingAgainAfterASuccessfulSignIn() {
		failures("alice", "192.0.2.1", 4);
		this.throttle.succeeded("alice");
		failures("alice", "192.0.2.1", 4);
		assertThat(this.throttle.lockout("alice", "192.0.2.1")).isEmpty();
	}

	@Test
	void locksAnAddressOutThatTriesManyUserNames() {
		for (int i = 0; i < 19; i++) {
			this.throttle.failed("user" + i, "192.0.2.1");
		}
		assertThat(this.throttle.lockout("someone", "192.0.2.1")).isEmpty();
		assertThat(this.throttle.failed("user19", "192.0.2.1")).isPresent();
		assertThat(this.throttle.lockout("someone", "192.0.2.1")).isPresent();
		assertThat(this.throttle.lockout("someone", "192.0.2.2")).isEmpty();
	}

	@Test
	void keepsTheAddressCountAfterASuccessfulSignInThere() {
		for (int i = 0; i < 19; i++) {
			this.throttle.failed("user" + i, "192.0.2.1");
		}
		this.throttle.succeeded("mallory");
		assertThat(this.throttle.failed("user19", "192.0.2.1")).isPresent();
	}

	@Test
	void countsAnIpv6AddressAsItsNetwork() {
		for (int i = 0; i < 20; i++) {
			this.throttle.failed("user" + i, "2001:db8:1:2::" + Integer.toHexString(i + 1));
		}
		assertThat(this.throttle.lockout("someone", "2001:db8:1:2:ffff::9")).isPresent();
		assertThat(this.throttle.lockout("someone", "2001:db8:1:3::1")).isEmpty();
	}

	@Test
	void auditsEachFailureAndEachLockout() {
		failures("alice", "192.0.2.1", 5);
		assertThat(this.events).hasSize(6);
		assertThat(this.events.get(0)).isEqualTo(new SignInRefused.Failed("alice", "192.0.2.1", "password"));
		assertThat(this.events.get(5)).isEqualTo(new SignInRefused.LockedOut("user", "alice", "192.0.2.1", 1,
				Duration.ofMinutes(1), this.clock.instant().plus(Duration.ofMinutes(1))));
	}

	@Test
	void deletesRowsQuietForTheLongestLockout() {
		this.throttle.failed("alice", "192.0.2.1");
		this.clock.advance(Duration.ofHours(1).plusSeconds(1));
		this.throttle.failed("bob", "198.51.100.7");
		assertThat(this.jdbc.queryForList("SELECT subject FROM sign_in_throttle ORDER BY subject", String.class))
			.containsExactly("198.51.100.7", "bob");
	}

	@Test
	void keepsAUserNameLongerThanAnyUserAsItsFirst64Characters() {
		failures("a".repeat(200), "192.0.2.1", 5);
		assertThat(this.throttle.lockout("a".repeat(64), "198.51.100.7")).isPresent();
	}

	private void failures(String username, String address, int count) {
		for (int i = 0; i < count; i++) {
			this.throttle.failed(username, address);
		}
	}

}
