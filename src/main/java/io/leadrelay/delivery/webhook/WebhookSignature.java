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
 * {@code whsec_<base64>} is used as the bytes it encodes (as the specification's
 * libraries do); any other secret as its UTF-8 bytes.
 */
public final class WebhookSignature {

	private WebhookSignature() {
	}

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

	private static byte[] key(String secret) {
		if (secret.startsWith("whsec_")) {
			try {
				return Base64.getDecoder().decode(secret.substring("whsec_".length()));
			}
			catch (IllegalArgumentException ex) {
				// Not base64 after all: use the text as it is.
			}
		}
		return secret.getBytes(StandardCharsets.UTF_8);
	}

}
