package io.leadrelay.store;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

import io.leadrelay.config.InvalidSetupException;

/**
 * One engine per data folder: held for the engine's life, released by the operating
 * system when the engine dies (also by {@code kill -9}), so a crashed engine never blocks
 * the next.
 */
final class DataDirectoryLock implements AutoCloseable {

	private final FileChannel channel;

	private final FileLock lock;

	private DataDirectoryLock(FileChannel channel, FileLock lock) {
		this.channel = channel;
		this.lock = lock;
	}

	static DataDirectoryLock acquire(Path directory) throws IOException {
		Path file = directory.resolve("engine.lock");
		FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
		FileLock lock;
		try {
			lock = channel.tryLock();
		}
		catch (OverlappingFileLockException ex) {
			// Held by this very process (two stores on one folder in one JVM).
			lock = null;
		}
		catch (IOException | RuntimeException ex) {
			channel.close();
			throw ex;
		}
		if (lock == null) {
			channel.close();
			throw new InvalidSetupException("Another LeadRelay engine is using the data folder " + directory,
					"Stop the other engine, or give this one its own folder with leadrelay.store.directory. "
							+ "Engines that share data share a PostgreSQL database instead (see the README).",
					null);
		}
		return new DataDirectoryLock(channel, lock);
	}

	@Override
	public void close() throws IOException {
		this.lock.release();
		this.channel.close();
	}

}
