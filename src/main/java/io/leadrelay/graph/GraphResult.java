package io.leadrelay.graph;

import java.time.Duration;

/**
 * What a Graph API call came to. Failures carry what the caller needs to decide: park the
 * lead for a new token, wait, retry later, or give up with Meta's message.
 *
 * @param <T> the value of a success
 */
public sealed interface GraphResult<T> {

	/** The call worked. */
	record Success<T>(T value) implements GraphResult<T> {
	}

	/**
	 * The access token is expired, revoked or lacks a permission: the page needs a new
	 * one.
	 */
	record TokenInvalid<T>(String message, int code, Integer subcode) implements GraphResult<T> {
	}

	/** Meta throttles this app or page: wait at least {@code retryAfter}. */
	record RateLimited<T>(Duration retryAfter, String message) implements GraphResult<T> {
	}

	/**
	 * A passing failure (Meta's own error, 5xx, timeout, no connection): retry with
	 * back-off.
	 */
	record Transient<T>(String message) implements GraphResult<T> {
	}

	/**
	 * Meta refused the call for good (unknown lead, bad parameter): retrying will not
	 * help.
	 */
	record Failed<T>(String message, int code) implements GraphResult<T> {
	}

	/** The same failure as a result of another value type. */
	@SuppressWarnings("unchecked")
	default <U> GraphResult<U> castFailure() {
		if (this instanceof Success) {
			throw new IllegalStateException("A success is not a failure");
		}
		return (GraphResult<U>) this;
	}

}
