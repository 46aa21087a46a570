package io.leadrelay.crypto;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Base64;

import io.leadrelay.config.InvalidSetupException;
import io.leadrelay.config.OwnerOnlyFile;

/**
 * A file holding one AES-256 key in base64: the key the engine generates at its first
 * start when none is configured. It is created readable and writable by the engine's user
 * only (POSIX {@code rw-------}, set as the file is created, never widened in between),
 * written in full under a temporary name and then renamed, so that a crash leaves either
 * no key file or a whole one.
 */
final class KeyFile {

	private final Path path;

	KeyFile(Path path) {
		this.path = path.toAbsolutePath().normalize();
	}

	Path path() {
		return this.path;
	}

	boolean exists() {
		return Files.exists(this.path);
	}

	/**
	 * The key in the file, in base64.
	 * @throws InvalidSetupException naming the file when it cannot be read or holds no
	 * key
	 */
	String read() {
		String text;
		try {
			text = Files.readString(this.path, StandardCharsets.US_ASCII).strip();
		}
		catch (IOException ex) {
			throw unusable("cannot be read (" + ex.getClass().getSimpleName() + ")");
		}
		byte[] key;
		try {
			key = Base64.getDecoder().decode(text);
		}
		catch (IllegalArgumentException ex) {
			throw unusable("does not hold a key in base64");
		}
		if (key.length != CryptoProperties.KEY_BYTES) {
			throw unusable("holds " + key.length + " bytes, not a 32-byte (256-bit) key in base64");
		}
		return text;
	}

	/** Whether a POSIX file system lets others than the owner read or write the file. */
	boolean openToOthers() {
		try {
			return OwnerOnlyFile.isPosix(this.path)
					&& !OwnerOnlyFile.OWNER_ONLY.containsAll(Files.getPosixFilePermissions(this.path));
		}
		catch (IOException ex) {
			return false;
		}
	}

	/**
	 * Generates a key and keeps it in the file, which must not exist yet.
	 * @return the key in base64
	 * @throws InvalidSetupException naming the file when it cannot be written
	 */
	String create() {
		byte[] key = new byte[CryptoProperties.KEY_BYTES];
		new SecureRandom().nextBytes(key);
		String text = Base64.getEncoder().encodeToString(key);
		Path folder = this.path.getParent();
		try {
			OwnerOnlyFile.create(this.path, text + "\n");
		}
		catch (IOException ex) {
			throw new InvalidSetupException(
					"The encryption key file " + this.path + " could not be created (" + ex.getClass().getSimpleName()
							+ ": " + ex.getMessage() + ")",
					"Let the engine's user write to " + folder + ", or set leadrelay.crypto.key-file or "
							+ "leadrelay.crypto.keys.",
					ex);
		}
		return text;
	}

	private InvalidSetupException unusable(String problem) {
		return new InvalidSetupException("The encryption key file " + this.path + " " + problem,
				"Restore the file from your backup (it holds the key of the stored secrets whose values start "
						+ "with v1:" + EncryptionKeys.GENERATED + ":), or correct leadrelay.crypto.key-file.");
	}

}
