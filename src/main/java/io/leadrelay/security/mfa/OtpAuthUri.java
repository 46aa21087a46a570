package io.leadrelay.security.mfa;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * The {@code otpauth://} address an authenticator app reads from the QR code (the Key Uri
 * Format that Google Authenticator introduced and the other apps follow).
 */
final class OtpAuthUri {

	static final String ISSUER = "LeadRelay";

	private OtpAuthUri() {
	}

	static String of(String username, String base32Secret) {
		String label = encode(ISSUER) + ":" + encode(username);
		return "otpauth://totp/" + label + "?secret=" + base32Secret + "&issuer=" + encode(ISSUER)
				+ "&algorithm=SHA1&digits=" + Totp.DIGITS + "&period=" + Totp.STEP_SECONDS;
	}

	private static String encode(String text) {
		return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
	}

}
