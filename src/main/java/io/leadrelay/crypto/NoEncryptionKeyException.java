package io.leadrelay.crypto;

/**
 * A secret was to be stored while no encryption key is configured.
 */
public class NoEncryptionKeyException extends IllegalStateException {

	public NoEncryptionKeyException() {
		super("No encryption key is configured: set leadrelay.crypto.keys (make a key with: openssl rand -base64 32)");
	}

}
