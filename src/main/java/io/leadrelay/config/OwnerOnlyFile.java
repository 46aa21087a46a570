package io.leadrelay.config;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.EnumSet;
import java.util.Set;

/**
 * Writes a secret the engine generates (a key, a password) to a new file that only the
 * engine's user may read: {@code rw-------} set as the file is created, never widened in
 * between, written in full under a temporary name and synced, then renamed, so a crash
 * leaves either no file or a whole one.
 */
public final class OwnerOnlyFile {

	public static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");

	private OwnerOnlyFile() {
	}

	/**
	 * Creates {@code path} holding {@code text}.
	 * @throws java.nio.file.FileAlreadyExistsException when the file exists already
	 */
	public static void create(Path path, String text) throws IOException {
		Path folder = path.toAbsolutePath().getParent();
		Path partial = folder.resolve(path.getFileName() + ".partial");
		Files.createDirectories(folder);
		Files.deleteIfExists(partial);
		try (FileChannel file = FileChannel.open(partial,
				EnumSet.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE), ownerOnly(path))) {
			file.write(ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8)));
			file.force(true);
		}
		try {
			Files.move(partial, path);
		}
		finally {
			Files.deleteIfExists(partial);
		}
		syncFolder(folder);
	}

	/** Whether the file system has POSIX permissions. */
	public static boolean isPosix(Path path) {
		return path.getFileSystem().supportedFileAttributeViews().contains("posix");
	}

	private static FileAttribute<?>[] ownerOnly(Path path) {
		return isPosix(path) ? new FileAttribute<?>[] { PosixFilePermissions.asFileAttribute(OWNER_ONLY) }
				: new FileAttribute<?>[0];
	}

	/** Makes the rename last through a power loss, where the file system allows it. */
	private static void syncFolder(Path folder) {
		try (FileChannel directory = FileChannel.open(folder, StandardOpenOption.READ)) {
			directory.force(true);
		}
		catch (IOException ex) {
			// Not every platform opens or syncs a folder; the file itself is synced.
		}
	}

}
