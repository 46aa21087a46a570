package io.leadrelay.security.tokens;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import io.leadrelay.security.TokenChanged;
import io.leadrelay.web.InvalidRequestException;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * API tokens: a user creates them for scripts, names them, gives them an expiry and
 * revokes them; an API request presents one as {@code Authorization: Bearer lr_...} and
 * acts as its owner. Each token has its own request rate limit.
 */
class ApiTokens {

	static final int MAX_NAME_LENGTH = 64;

	/** A request that loses this many races for the token's rate state in a row waits. */
	private static final int RATE_STATE_ATTEMPTS = 5;

	private final ApiTokenStore store;

	private final TokenSecrets secrets;

	private final RequestRateLimit rateLimit;

	private final Duration maxLifetime;

	private final TransactionTemplate transactions;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	ApiTokens(ApiTokenStore store, TokenSecrets secrets, RequestRateLimit rateLimit, Duration maxLifetime,
			TransactionTemplate transactions, ApplicationEventPublisher events, Clock clock) {
		this.store = store;
		this.secrets = secrets;
		this.rateLimit = rateLimit;
		this.maxLifetime = maxLifetime;
		this.transactions = transactions;
		this.events = events;
		this.clock = clock;
	}

	/**
	 * Creates a token for the user; the answer holds its secret, which is not kept.
	 * @throws InvalidRequestException when the name or the lifetime is not acceptable
	 */
	CreatedToken create(long userId, String username, String name, Duration lifetime) {
		String trimmed = checkedName(name);
		checkLifetime(lifetime);
		Instant now = this.clock.instant();
		String secret = this.secrets.generate();
		Instant expiresAt = now.plus(lifetime);
		return this.transactions.execute((status) -> {
			if (this.store.hasUsableNamed(userId, trimmed, now)) {
				throw new InvalidRequestException("name", "You already have a token named '" + trimmed
						+ "': choose another name, or revoke that one first");
			}
			long id = this.store.insert(userId, trimmed, TokenSecrets.hash(secret), TokenSecrets.hint(secret), now,
					expiresAt);
			this.events.publishEvent(new TokenChanged.Created(id, trimmed, username, username, expiresAt));
			return new CreatedToken(this.store.find(userId, id).orElseThrow(), secret);
		});
	}

	List<ApiToken> ownedBy(long userId) {
		return this.store.ownedBy(userId);
	}

	/** Revokes the user's token; false when they have no such token still active. */
	boolean revoke(long userId, String username, long tokenId) {
		Instant now = this.clock.instant();
		Boolean revoked = this.transactions.execute((status) -> {
			ApiToken token = this.store.find(userId, tokenId).orElse(null);
			if (token == null || !this.store.revoke(userId, tokenId, now)) {
				return false;
			}
			this.events.publishEvent(new TokenChanged.Revoked(tokenId, token.name(), username, username));
			return true;
		});
		return Boolean.TRUE.equals(revoked);
	}

	/**
	 * What a request presenting the secret may do: go on as the token's owner, wait, or
	 * nothing. An accepted request counts against the token's rate limit and is recorded
	 * as its last use.
	 */
	Verdict authenticate(String secret) {
		if (!TokenSecrets.wellFormed(secret)) {
			return new Verdict.Refused(
					"The bearer token is not a LeadRelay API token (they start with " + TokenSecrets.PREFIX + ")");
		}
		ApiTokenStore.Presented token = this.store.findBySecretHash(TokenSecrets.hash(secret)).orElse(null);
		if (token == null) {
			return new Verdict.Refused("The API token is unknown");
		}
		Instant now = this.clock.instant();
		if (token.revokedAt() != null) {
			return new Verdict.Refused("The API token '" + token.name() + "' was revoked");
		}
		if (!now.isBefore(token.expiresAt())) {
			return new Verdict.Refused("The API token '" + token.name() + "' expired at " + token.expiresAt());
		}
		return spend(token, now);
	}

	private Verdict spend(ApiTokenStore.Presented token, Instant now) {
		long state = token.rateFullAt();
		for (int attempt = 0; attempt < RATE_STATE_ATTEMPTS; attempt++) {
			RequestRateLimit.Decision decision = this.rateLimit.take(state, now);
			if (!decision.allowed()) {
				return new Verdict.Limited(decision.retryAfterSeconds());
			}
			if (this.store.recordUse(token.id(), state, decision.fullAtMicros(), now)) {
				return new Verdict.Accepted(token.id(), token.owner());
			}
			state = this.store.rateState(token.id());
		}
		return new Verdict.Limited(1);
	}

	private static String checkedName(String name) {
		String trimmed = (name != null) ? name.strip() : "";
		if (trimmed.isEmpty()) {
			throw new InvalidRequestException("name", "Give the token a name, such as the script that will use it");
		}
		if (trimmed.length() > MAX_NAME_LENGTH) {
			throw new InvalidRequestException("name", "The name may have at most " + MAX_NAME_LENGTH + " characters");
		}
		return trimmed;
	}

	private void checkLifetime(Duration lifetime) {
		if (lifetime == null || lifetime.isNegative() || lifetime.isZero()) {
			throw new InvalidRequestException("lifetime", "The token must expire in the future");
		}
		if (lifetime.compareTo(this.maxLifetime) > 0) {
			throw new InvalidRequestException("lifetime", "A token may live at most " + this.maxLifetime.toDays()
					+ " days (leadrelay.security.tokens" + ".max-lifetime)");
		}
	}

	/**
	 * A token just created.
	 *
	 * @param token the token as listed
	 * @param secret its secret, shown to its owner once and kept nowhere
	 */
	record CreatedToken(ApiToken token, String secret) {

		@Override
		public String toString() {
			return "CreatedToken[token=" + this.token + ", secret=(hidden)]";
		}

	}

	/** What a request presenting a token may do. */
	sealed interface Verdict {

		/**
		 * Go on, as the token's owner.
		 *
		 * @param tokenId the token's number
		 * @param owner the user name of its owner
		 */
		record Accepted(long tokenId, String owner) implements Verdict {

		}

		/**
		 * The token does not authenticate anything.
		 *
		 * @param reason why, for the caller
		 */
		record Refused(String reason) implements Verdict {

		}

		/**
		 * The token spent its rate budget.
		 *
		 * @param retryAfterSeconds when one more request fits
		 */
		record Limited(long retryAfterSeconds) implements Verdict {

		}

	}

}
