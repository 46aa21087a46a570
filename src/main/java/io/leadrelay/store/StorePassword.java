package io.leadrelay.store;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.HexFormat;

import io.leadrelay.config.InvalidSetupException;
import io.leadrelay.config.OwnerOnlyFile;

/**
 * The embedded PostgreSQL's password: made once, readable by the engine's user only.
 */
final class StorePassword {

	private StorePassword() {
	}

	static String readOrCreate(Path file) throws IOException {
		if (Files.exists(file)) {
			String password = Files.readString(file, StandardCharsets.UTF_8).strip();
			if (password.isEmpty()) {
				throw new InvalidSetupException("The embedded PostgreSQL's password file " + file + " is empty",
						"Restore the file from a backup of the data folder.", null);
			}
			return password;
		}
		byte[] random = new byte[24];
		new SecureRandom().nextBytes(random);
		String password = HexFormat.of().formatHex(random);
		write(file, password);
		return password;
	}

	private static void write(Path file, String password) throws IOException {
		try {
			OwnerOnlyFile.create(file, password);
		}
		catch (FileAlreadyExistsException ex) {
			// Written by an earlier start that died before using it: the first one
			// stands.
		}
	}

}
