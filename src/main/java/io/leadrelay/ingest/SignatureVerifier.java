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

	/**
	 * One keyed {@link Mac} per app secret and thread: looking the algorithm up and
	 * keying it took more time than signing a notification. {@code doFinal} leaves it
	 * keyed.
	 */
	private final List<ThreadLocal<Mac>> macs;

	SignatureVerifier(List<String> appSecrets) {
		this.macs = appSecrets.stream()
			.map((secret) -> new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), ALGORITHM))
			.map((key) -> ThreadLocal.withInitial(() -> keyedMac(key)))
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
		if (this.macs.isEmpty()) {
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
		for (ThreadLocal<Mac> mac : this.macs) {
			if (MessageDigest.isEqual(mac.get().doFinal(body), claimed)) {
				return null;
			}
		}
		return RejectionReason.SIGNATURE_MISMATCH;
	}

	private static Mac keyedMac(SecretKeySpec key) {
		try {
			Mac mac = Mac.getInstance(ALGORITHM);
			mac.init(key);
			return mac;
		}
		catch (NoSuchAlgorithmException | InvalidKeyException ex) {
			throw new IllegalStateException("HmacSHA256 is unavailable", ex);
		}
	}

}
