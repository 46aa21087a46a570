package io.leadrelay.store;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.HexFormat;

import io.leadrelay.config.InvalidSetupException;

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
		FileAttribute<?>[] ownerOnly = FileSystems.getDefault().supportedFileAttributeViews().contains("posix")
				? new FileAttribute<?>[] {
						PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")) }
				: new FileAttribute<?>[0];
		Path pending = file.resolveSibling(file.getFileName() + ".new");
		Files.deleteIfExists(pending);
		try (FileChannel channel = FileChannel.open(pending,
				java.util.Set.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE), ownerOnly)) {
			channel.write(ByteBuffer.wrap(password.getBytes(StandardCharsets.UTF_8)));
			channel.force(true);
		}
		try {
			Files.move(pending, file, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
		}
		catch (FileAlreadyExistsException ex) {
			Files.delete(pending);
		}
	}

}
