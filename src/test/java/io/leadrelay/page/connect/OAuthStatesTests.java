package io.leadrelay.page.connect;

import java.time.Duration;
import java.time.Instant;

import io.leadrelay.page.connect.OAuthStates.Verdict;
import io.leadrelay.support.MutableClock;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class OAuthStatesTests {

	private final MutableClock clock = new MutableClock(Instant.parse("2026-12-04T10:00:00Z"));

	private final OAuthStates states = new OAuthStates(Duration.ofMinutes(10), this.clock);

	@Test
	void acceptsTheStateOfTheSessionThatOpenedTheDialogInTime() {
		String state = this.states.issue("session-a");
		this.clock.advance(Duration.ofMinutes(9));
		assertThat(this.states.consume(state, "session-a")).isEqualTo(Verdict.ACCEPTED);
	}

	@Test
	void refusesAStateItNeverIssued() {
		this.states.issue("session-a");
		assertThat(this.states.consume("forged-state", "session-a")).isEqualTo(Verdict.UNKNOWN);
		assertThat(this.states.consume(null, "session-a")).isEqualTo(Verdict.UNKNOWN);
	}

	@Test
	void refusesAStateUsedBefore() {
		String state = this.states.issue("session-a");
		assertThat(this.states.consume(state, "session-a")).isEqualTo(Verdict.ACCEPTED);
		assertThat(this.states.consume(state, "session-a")).isEqualTo(Verdict.USED);
	}

	@Test
	void refusesAnExpiredState() {
		String state = this.states.issue("session-a");
		this.clock.advance(Duration.ofMinutes(10).plusSeconds(1));
		assertThat(this.states.consume(state, "session-a")).isEqualTo(Verdict.EXPIRED);
	}

	@Test
	void refusesTheStateOfAnotherSessionAndBurnsIt() {
		String state = this.states.issue("session-a");
		assertThat(this.states.consume(state, "session-b")).isEqualTo(Verdict.OTHER_SESSION);
		assertThat(this.states.consume(state, "session-a")).isEqualTo(Verdict.USED);
	}

	@Test
	void issuesADifferentUnguessableStateEachTime() {
		String first = this.states.issue("session-a");
		String second = this.states.issue("session-a");
		assertThat(first).isNotEqualTo(second).hasSizeGreaterThanOrEqualTo(43);
		assertThat(this.states.consume(second, "session-a")).isEqualTo(Verdict.ACCEPTED);
		assertThat(this.states.consume(first, "session-a")).isEqualTo(Verdict.ACCEPTED);
	}

	@Test
	void forgetsExpiredStatesWhenItIssuesNewOnes() {
		String old = this.states.issue("session-a");
		this.clock.advance(Duration.ofMinutes(11));
		this.states.issue("session-a");
		assertThat(this.states.consume(old, "session-a")).isEqualTo(Verdict.UNKNOWN);
	}

}
