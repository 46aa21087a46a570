package io.leadrelay.graph;

import java.time.Instant;
import java.util.List;

/**
 * What {@code debug_token} says of an access token.
 *
 * @param valid whether Meta accepts it
 * @param expiresAt when it expires, or {@code null} for never
 * @param scopes the permissions it carries
 * @param message why it is not valid, when Meta says
 */
public record TokenInfo(boolean valid, Instant expiresAt, List<String> scopes, String message) {

	/** The permissions lead retrieval needs that the token lacks. */
	public List<String> missingScopes(List<String> required) {
		return required.stream().filter((scope) -> !this.scopes.contains(scope)).toList();
	}

}
