package io.leadrelay.delivery.webhook;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The {@code webhook-signature} of the Standard Webhooks specification:
 * {@code v1,<base64 HMAC-SHA256 of "<id>.<timestamp>.<body>">}. A secret written as
 * {@code whsec_<base64>} (the specification's form) is used as the bytes it encodes, and
 * must be valid base64; any other secret as its UTF-8 bytes. A key holds 24 to 64 bytes.
 */
public final class WebhookSignature {

	static final String PREFIX = "whsec_";

	static final int MIN_KEY_BYTES = 24;

	static final int MAX_KEY_BYTES = 64;

	private WebhookSignature() {
	}

	/**
	 * Signs a message.
	 * @throws IllegalArgumentException when a {@code whsec_} secret is not base64
	 */
	public static String sign(String secret, String messageId, long timestamp, String body) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(key(secret), "HmacSHA256"));
			byte[] signature = mac.doFinal((messageId + "." + timestamp + "." + body).getBytes(StandardCharsets.UTF_8));
			return "v1," + Base64.getEncoder().encodeToString(signature);
		}
		catch (NoSuchAlgorithmException | InvalidKeyException ex) {
			throw new IllegalStateException("HMAC-SHA256 is not available", ex);
		}
	}

	/**
	 * What is wrong with a signing secret, or {@code null} when it is a usable one: a
	 * {@code whsec_} secret must be base64 of a 24 to 64-byte key, any other secret 24 to
	 * 64 bytes of UTF-8.
	 */
	static String problem(String secret) {
		byte[] key;
		try {
			key = key(secret);
		}
		catch (IllegalArgumentException ex) {
			return ex.getMessage();
		}
		if (key.length >= MIN_KEY_BYTES && key.length <= MAX_KEY_BYTES) {
			return null;
		}
		if (secret.startsWith(PREFIX)) {
			return "must hold a key of " + MIN_KEY_BYTES + " to " + MAX_KEY_BYTES + " bytes after " + PREFIX
					+ "; this one holds " + key.length;
		}
		return "must be " + MIN_KEY_BYTES + " to " + MAX_KEY_BYTES + " bytes of UTF-8 text, or " + PREFIX
				+ "<base64 of a " + MIN_KEY_BYTES + " to " + MAX_KEY_BYTES + "-byte key>; this one has " + key.length
				+ " bytes";
	}

	private static byte[] key(String secret) {
		if (!secret.startsWith(PREFIX)) {
			return secret.getBytes(StandardCharsets.UTF_8);
		}
		try {
			return Base64.getDecoder().decode(secret.substring(PREFIX.length()));
		}
		catch (IllegalArgumentException ex) {
			throw new IllegalArgumentException(
					"must be " + PREFIX + " followed by standard base64 (the Standard Webhooks form); what follows "
							+ PREFIX + " is not base64",
					ex);
		}
	}

}
