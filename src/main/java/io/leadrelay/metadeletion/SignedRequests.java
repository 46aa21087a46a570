package io.leadrelay.metadeletion;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.regex.Pattern;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.leadrelay.meta.MetaProperties;

import org.springframework.stereotype.Component;

/**
 * Verifies Meta's {@code signed_request}: {@code base64url(signature) "."
 * base64url(payload)}, the signature being the raw HMAC-SHA256 of the encoded payload
 * segment with the app secret. Every configured secret is tried (one may be rotating
 * out), in constant time.
 */
@Component
public class SignedRequests {

	/** Longer than any request Meta sends; a guard against a body made to be parsed. */
	static final int MAX_LENGTH = 4096;

	/** How long after it was issued a request is taken. */
	static final Duration MAX_AGE = Duration.ofHours(24);

	/** How far ahead of this engine's clock Meta's may be. */
	static final Duration MAX_CLOCK_DRIFT = Duration.ofMinutes(5);

	private static final Pattern BASE64URL = Pattern.compile("[A-Za-z0-9_-]+={0,2}");

	private static final Pattern ID = Pattern.compile("[0-9]{1,32}");

	private final List<SecretKeySpec> keys;

	private final ObjectMapper mapper;

	private final Clock clock;

	SignedRequests(MetaProperties meta, ObjectMapper mapper, Clock clock) {
		this.keys = meta.appSecrets()
			.stream()
			.map((secret) -> new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"))
			.toList();
		this.mapper = mapper;
		this.clock = clock;
	}

	/**
	 * The request, once its signature, algorithm, expiry and ids are checked.
	 * @throws SignedRequestRefusedException naming what is wrong
	 */
	public SignedRequest verify(String signedRequest) {
		if (signedRequest == null || signedRequest.isBlank()) {
			throw new SignedRequestRefusedException("missing", "The form parameter signed_request is missing");
		}
		if (signedRequest.length() > MAX_LENGTH) {
			throw new SignedRequestRefusedException("oversized",
					"signed_request is longer than " + MAX_LENGTH + " characters");
		}
		String[] parts = signedRequest.strip().split("\\.", -1);
		if (parts.length != 2 || !BASE64URL.matcher(parts[0]).matches() || !BASE64URL.matcher(parts[1]).matches()) {
			throw new SignedRequestRefusedException("malformed",
					"signed_request must be base64url(signature).base64url(payload)");
		}
		if (this.keys.isEmpty()) {
			throw new SignedRequestRefusedException("no_app_secret",
					"No app secret is configured (leadrelay.meta.app-secrets): no signature can be checked");
		}
		byte[] signature = decode(parts[0], "signature");
		if (!signedByAnAppSecret(signature, parts[1].getBytes(StandardCharsets.US_ASCII))) {
			throw new SignedRequestRefusedException("signature_mismatch",
					"The signature was not made with this app's secret");
		}
		return payload(decode(parts[1], "payload"));
	}

	private SignedRequest payload(byte[] json) {
		JsonNode payload;
		try {
			payload = this.mapper.readTree(json);
		}
		catch (java.io.IOException ex) {
			payload = null;
		}
		if (payload == null || !payload.isObject()) {
			throw new SignedRequestRefusedException("malformed", "The payload of signed_request is not a JSON object");
		}
		if (!"HMAC-SHA256".equalsIgnoreCase(payload.path("algorithm").asText(""))) {
			throw new SignedRequestRefusedException("unsupported_algorithm",
					"The payload's algorithm must be HMAC-SHA256");
		}
		refuseIfStale(payload);
		String userId = id(payload, "user_id");
		String profileId = id(payload, "profile_id");
		if (userId == null && profileId == null) {
			throw new SignedRequestRefusedException("malformed", "The payload names no user_id and no profile_id");
		}
		return new SignedRequest(userId, profileId);
	}

	/**
	 * Refuses a request past its {@code expires}, and one issued more than a day ago (or
	 * in the future, past the clocks' drift): {@code expires} is optional, and without
	 * this a request captured once could be replayed for ever.
	 */
	private void refuseIfStale(JsonNode payload) {
		long now = this.clock.instant().getEpochSecond();
		JsonNode expires = payload.get("expires");
		if (expires != null && !expires.isNull()) {
			if (!expires.canConvertToLong() || expires.asLong() <= now) {
				throw new SignedRequestRefusedException("expired", "The signed_request has expired");
			}
		}
		JsonNode issuedAt = payload.get("issued_at");
		if (issuedAt != null && !issuedAt.isNull()) {
			if (!issuedAt.canConvertToLong() || issuedAt.asLong() < now - MAX_AGE.toSeconds()) {
				throw new SignedRequestRefusedException("expired",
						"The signed_request was issued more than 24 hours ago");
			}
			if (issuedAt.asLong() > now + MAX_CLOCK_DRIFT.toSeconds()) {
				throw new SignedRequestRefusedException("expired",
						"The signed_request was issued more than 5 minutes in the future");
			}
		}
	}

	private static String id(JsonNode payload, String field) {
		JsonNode node = payload.get(field);
		if (node == null || node.isNull()) {
			return null;
		}
		String value = node.asText("");
		if (!(node.isTextual() || node.isIntegralNumber()) || !ID.matcher(value).matches()) {
			throw new SignedRequestRefusedException("malformed", "The payload's " + field + " is not a Facebook id");
		}
		return value;
	}

	private boolean signedByAnAppSecret(byte[] claimed, byte[] encodedPayload) {
		boolean matched = false;
		for (SecretKeySpec key : this.keys) {
			// No early exit: the time taken does not tell which secret matched.
			matched |= MessageDigest.isEqual(hmac(key, encodedPayload), claimed);
		}
		return matched;
	}

	private static byte[] hmac(SecretKeySpec key, byte[] data) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(key);
			return mac.doFinal(data);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("HmacSHA256 is unavailable", ex);
		}
	}

	private static byte[] decode(String segment, String what) {
		try {
			return Base64.getUrlDecoder().decode(segment.replace("=", ""));
		}
		catch (IllegalArgumentException ex) {
			throw new SignedRequestRefusedException("malformed", "The " + what + " of signed_request is not base64url");
		}
	}

}
