package io.leadrelay.support;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Builds Meta's {@code signed_request} the way Meta does: base64url of the raw
 * HMAC-SHA256 of the encoded payload segment, a dot, the encoded payload.
 */
public final class SignedRequestsForTests {

	private SignedRequestsForTests() {
	}

	/** Signed with the secret, without base64 padding. */
	public static String sign(String appSecret, String payloadJson) {
		String payload = encode(payloadJson.getBytes(StandardCharsets.UTF_8));
		return encode(hmac(appSecret, payload)) + "." + payload;
	}

	public static String encode(byte[] bytes) {
		return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
	}

	public static byte[] hmac(String appSecret, String encodedPayload) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(appSecret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
			return mac.doFinal(encodedPayload.getBytes(StandardCharsets.US_ASCII));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
