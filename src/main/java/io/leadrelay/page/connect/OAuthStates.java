package io.leadrelay.page.connect;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The {@code state} of Facebook Login: random, bound to the session that opened the
 * dialog, good once and for a while. It keeps a forged or stolen answer (someone else's
 * code sent to this person's browser) from connecting pages. Kept in memory: a person
 * answers the dialog on the node that opened it (sessions are in memory too).
 */
public class OAuthStates {

	/** What a state returned by the dialog is worth. */
	public enum Verdict {

		/** Issued to this session, in time, not used before. */
		ACCEPTED("accepted"),

		/** Never issued here (forged, or issued before a restart). */
		UNKNOWN("LeadRelay did not start this sign-in with Facebook"),

		/** Used already: an answer may be used once. */
		USED("This answer from Facebook was used already"),

		/** Issued too long ago. */
		EXPIRED("The sign-in with Facebook took too long"),

		/** Issued to another browser session. */
		OTHER_SESSION("This sign-in with Facebook was started in another browser session");

		private final String reason;

		Verdict(String reason) {
			this.reason = reason;
		}

		/** Why the answer is refused, in words. */
		public String reason() {
			return this.reason;
		}

	}

	private record Issued(String session, Instant at, boolean used) {
	}

	private final Map<String, Issued> issued = new ConcurrentHashMap<>();

	private final SecureRandom random = new SecureRandom();

	private final Duration ttl;

	private final Clock clock;

	public OAuthStates(Duration ttl, Clock clock) {
		this.ttl = ttl;
		this.clock = clock;
	}

	/** A new state for the session, to be sent to the dialog. */
	public String issue(String sessionId) {
		Instant now = this.clock.instant();
		this.issued.values().removeIf((state) -> expired(state, now));
		byte[] bytes = new byte[32];
		this.random.nextBytes(bytes);
		String state = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
		this.issued.put(state, new Issued(hash(sessionId), now, false));
		return state;
	}

	/** Whether the dialog's state may be used by the session; uses it up either way. */
	public Verdict consume(String state, String sessionId) {
		Issued found = (state != null) ? this.issued.get(state) : null;
		if (found == null) {
			return Verdict.UNKNOWN;
		}
		if (found.used() || !this.issued.replace(state, found, new Issued(found.session(), found.at(), true))) {
			return Verdict.USED;
		}
		if (expired(found, this.clock.instant())) {
			return Verdict.EXPIRED;
		}
		if (!MessageDigest.isEqual(found.session().getBytes(StandardCharsets.US_ASCII),
				hash(sessionId).getBytes(StandardCharsets.US_ASCII))) {
			return Verdict.OTHER_SESSION;
		}
		return Verdict.ACCEPTED;
	}

	private boolean expired(Issued state, Instant now) {
		return state.at().plus(this.ttl).isBefore(now);
	}

	/** Session ids are secrets: only their hash is kept. */
	private static String hash(String sessionId) {
		try {
			byte[] digest = MessageDigest.getInstance("SHA-256")
				.digest(String.valueOf(sessionId).getBytes(StandardCharsets.UTF_8));
			return Base64.getEncoder().encodeToString(digest);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
