package io.leadrelay.crypto;

import java.nio.file.Path;
import java.util.Base64;
import java.util.Map;
import java.util.regex.Pattern;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Keys that encrypt page tokens and CRM credentials in the database.
 *
 * @param keys AES-256 keys by key id, each 32 bytes in base64 (write them as ENC(...));
 * keep an old key listed until nothing is encrypted with it any more
 * @param activeKeyId the key new values are encrypted with
 * @param keyFile where the key generated when {@code keys} is empty is kept (key id
 * {@value EncryptionKeys#GENERATED}); with keys configured, a key already in it still
 * decrypts what was stored with it
 */
@ConfigurationProperties("leadrelay.crypto")
public record CryptoProperties(@DefaultValue Map<String, String> keys, String activeKeyId,
		@DefaultValue("data/encryption.key") Path keyFile) {

	static final Pattern KEY_ID = Pattern.compile("[A-Za-z0-9_-]{1,32}");

	static final int KEY_BYTES = 32;

	public CryptoProperties {
		keys = Map.copyOf(keys);
		keys.forEach(CryptoProperties::checkKey);
		if (activeKeyId != null && activeKeyId.isBlank()) {
			activeKeyId = null;
		}
		if (activeKeyId == null && keys.size() == 1) {
			activeKeyId = keys.keySet().iterator().next();
		}
		if (activeKeyId == null && !keys.isEmpty()) {
			throw new IllegalArgumentException(
					"leadrelay.crypto.active-key-id must name one of leadrelay.crypto.keys " + keys.keySet());
		}
		if (activeKeyId != null && !keys.containsKey(activeKeyId)) {
			throw new IllegalArgumentException("leadrelay.crypto.active-key-id '" + activeKeyId
					+ "' is not one of leadrelay.crypto.keys " + keys.keySet());
		}
	}

	private static void checkKey(String id, String base64) {
		if (!KEY_ID.matcher(id).matches()) {
			throw new IllegalArgumentException(
					"leadrelay.crypto.keys." + id + ": a key id is 1 to 32 letters, digits, '-' or '_'");
		}
		byte[] key;
		try {
			key = Base64.getDecoder().decode(base64.strip());
		}
		catch (IllegalArgumentException ex) {
			throw new IllegalArgumentException("leadrelay.crypto.keys." + id + " is not base64");
		}
		if (key.length != KEY_BYTES) {
			throw new IllegalArgumentException(
					"leadrelay.crypto.keys." + id + " must be 32 bytes (256 bits) in base64, was " + key.length
							+ " bytes; make one with: openssl rand -base64 32");
		}
	}

	@Override
	public String toString() {
		return "CryptoProperties[keys=" + this.keys.keySet() + ", activeKeyId=" + this.activeKeyId + ", keyFile="
				+ this.keyFile + "]";
	}

}
