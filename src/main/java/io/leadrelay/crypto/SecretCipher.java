package io.leadrelay.crypto;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;

import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Encrypts secrets for the database with AES-256-GCM. A stored value reads
 * {@code v1:<key id>:<base64 of IV and ciphertext>}, so a value written before a key
 * rotation still decrypts with its own key. The context (such as {@code page:123:token})
 * is authenticated with the value: a ciphertext copied to another row does not decrypt.
 */
public class SecretCipher {

	private static final String FORMAT = "v1";

	private static final int IV_BYTES = 12;

	private static final int TAG_BITS = 128;

	private final Map<String, SecretKey> keys = new HashMap<>();

	private final String activeKeyId;

	private final SecureRandom random = new SecureRandom();

	public SecretCipher(CryptoProperties properties) {
		properties.keys()
			.forEach((id, key) -> this.keys.put(id, new SecretKeySpec(Base64.getDecoder().decode(key.strip()), "AES")));
		this.activeKeyId = properties.activeKeyId();
	}

	/** Whether a key is configured, so that secrets can be stored at all. */
	public boolean isConfigured() {
		return this.activeKeyId != null;
	}

	public String encrypt(String plaintext, String context) {
		if (!isConfigured()) {
			throw new NoEncryptionKeyException();
		}
		byte[] iv = new byte[IV_BYTES];
		this.random.nextBytes(iv);
		byte[] sealed = run(Cipher.ENCRYPT_MODE, this.keys.get(this.activeKeyId), iv, context,
				plaintext.getBytes(StandardCharsets.UTF_8));
		ByteBuffer out = ByteBuffer.allocate(IV_BYTES + sealed.length).put(iv).put(sealed);
		return FORMAT + ":" + this.activeKeyId + ":" + Base64.getEncoder().encodeToString(out.array());
	}

	public String decrypt(String stored, String context) {
		String[] parts = stored.split(":", 3);
		if (parts.length != 3 || !FORMAT.equals(parts[0])) {
			throw new IllegalStateException("A stored secret is not in the v1 format");
		}
		SecretKey key = this.keys.get(parts[1]);
		if (key == null) {
			throw new IllegalStateException("A stored secret was encrypted with key '" + parts[1]
					+ "', which is no longer in leadrelay.crypto.keys");
		}
		byte[] data = Base64.getDecoder().decode(parts[2]);
		byte[] iv = Arrays.copyOfRange(data, 0, IV_BYTES);
		byte[] sealed = Arrays.copyOfRange(data, IV_BYTES, data.length);
		return new String(run(Cipher.DECRYPT_MODE, key, iv, context, sealed), StandardCharsets.UTF_8);
	}

	/**
	 * Whether a stored value was encrypted with an older key and should be written again.
	 */
	public boolean needsReencryption(String stored) {
		return !stored.startsWith(FORMAT + ":" + this.activeKeyId + ":");
	}

	private static byte[] run(int mode, SecretKey key, byte[] iv, String context, byte[] input) {
		try {
			Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
			cipher.init(mode, key, new GCMParameterSpec(TAG_BITS, iv));
			cipher.updateAAD(context.getBytes(StandardCharsets.UTF_8));
			return cipher.doFinal(input);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("A stored secret could not be " + ((mode == Cipher.ENCRYPT_MODE)
					? "encrypted" : "decrypted (wrong key, or the value was altered or moved)"), ex);
		}
	}

}
