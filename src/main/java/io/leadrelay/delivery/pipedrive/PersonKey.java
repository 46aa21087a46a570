package io.leadrelay.delivery.pipedrive;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;

/**
 * A person as this engine knows it: a destination and an email, the email kept only as
 * the hex SHA-256 of its trimmed, lower-cased form (the same for {@code Ana@Example.com }
 * and {@code ana@example.com}; no address in the database).
 *
 * @param destinationId the destination's id
 * @param emailKey the email's SHA-256, 64 hex digits
 */
record PersonKey(String destinationId, String emailKey) {

	static PersonKey of(String destinationId, String email) {
		return new PersonKey(destinationId, sha256(email.strip().toLowerCase(Locale.ROOT)));
	}

	private static String sha256(String text) {
		try {
			return HexFormat.of()
				.formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("Every Java runtime has SHA-256", ex);
		}
	}

}
