package io.leadrelay.ingest;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Checks {@code X-Hub-Signature-256} against the raw request bytes. Meta signs the bytes
 * it sends (non-ASCII escaped as {@code \\uXXXX}), so the body must never be
 * re-serialised before this check.
 */
final class SignatureVerifier {

	private static final String PREFIX = "sha256=";

	private static final int DIGEST_HEX_LENGTH = 64;

	private static final String ALGORITHM = "HmacSHA256";

	private final List<SecretKeySpec> keys;

	SignatureVerifier(List<String> appSecrets) {
		this.keys = appSecrets.stream()
			.map((secret) -> new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), ALGORITHM))
			.toList();
	}

	/**
	 * Verify a signature header.
	 * @param body the raw request body
	 * @param header the value of {@code X-Hub-Signature-256}, or {@code null}
	 * @return {@code null} when one of the app secrets produced the signature, otherwise
	 * why it did not
	 */
	RejectionReason verify(byte[] body, String header) {
		if (this.keys.isEmpty()) {
			return RejectionReason.NO_APP_SECRET_CONFIGURED;
		}
		if (header == null || header.isBlank()) {
			return RejectionReason.MISSING_SIGNATURE;
		}
		String value = header.strip();
		if (!value.startsWith(PREFIX) || value.length() != PREFIX.length() + DIGEST_HEX_LENGTH) {
			return RejectionReason.MALFORMED_SIGNATURE;
		}
		byte[] claimed;
		try {
			claimed = HexFormat.of().parseHex(value, PREFIX.length(), value.length());
		}
		catch (IllegalArgumentException ex) {
			return RejectionReason.MALFORMED_SIGNATURE;
		}
		for (SecretKeySpec key : this.keys) {
			if (MessageDigest.isEqual(hmac(key, body), claimed)) {
				return null;
			}
		}
		return RejectionReason.SIGNATURE_MISMATCH;
	}

	private static byte[] hmac(SecretKeySpec key, byte[] body) {
		try {
			Mac mac = Mac.getInstance(ALGORITHM);
			mac.init(key);
			return mac.doFinal(body);
		}
		catch (NoSuchAlgorithmException | InvalidKeyException ex) {
			throw new IllegalStateException("HmacSHA256 is unavailable", ex);
		}
	}

}
