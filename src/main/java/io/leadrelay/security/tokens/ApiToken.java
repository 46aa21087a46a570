package io.leadrelay.security.tokens;

import java.time.Instant;

/**
 * An API token as its owner sees it: never its secret.
 *
 * @param id the token's number
 * @param name what its owner called it, such as {@code nightly export}
 * @param hint the first characters of its secret
 * @param createdAt when it was created
 * @param expiresAt when it stops working
 * @param lastUsedAt when it last authenticated a request, or {@code null}
 * @param revokedAt when its owner revoked it, or {@code null}
 */
record ApiToken(long id, String name, String hint, Instant createdAt, Instant expiresAt, Instant lastUsedAt,
		Instant revokedAt) {

	Status status(Instant now) {
		if (this.revokedAt != null) {
			return Status.REVOKED;
		}
		return now.isBefore(this.expiresAt) ? Status.ACTIVE : Status.EXPIRED;
	}

	/** Whether a token works, in the words its owner reads. */
	enum Status {

		ACTIVE("Active"), EXPIRED("Expired"), REVOKED("Revoked");

		private final String label;

		Status(String label) {
			this.label = label;
		}

		String label() {
			return this.label;
		}

	}

}
