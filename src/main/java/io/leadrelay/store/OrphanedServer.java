package io.leadrelay.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The PostgreSQL server an engine killed with {@code kill -9} leaves running: it was
 * started as a daemon, so it outlives the engine and still holds the data folder. The
 * next engine (which holds the {@link DataDirectoryLock}, so the server is nobody else's)
 * stops it before starting its own. A shutdown request lets the server finish writing; a
 * server that does not stop in time is killed, which PostgreSQL recovers from by
 * replaying its write-ahead log.
 */
final class OrphanedServer {

	private static final Logger log = LoggerFactory.getLogger(OrphanedServer.class);

	private static final Duration SHUTDOWN_WAIT = Duration.ofSeconds(30);

	private OrphanedServer() {
	}

	/** Stops the server recorded in {@code postmaster.pid} if it still runs. */
	static void stopIfRunning(Path dataDirectory) throws IOException {
		Path pidFile = dataDirectory.resolve("postmaster.pid");
		Optional<ProcessHandle> server = readPid(pidFile).flatMap(ProcessHandle::of)
			.filter(ProcessHandle::isAlive)
			.filter(OrphanedServer::isPostgres);
		if (server.isEmpty()) {
			return;
		}
		ProcessHandle postmaster = server.get();
		log.warn("A PostgreSQL server (pid {}) left by an engine that did not stop cleanly still runs on {}; "
				+ "stopping it", postmaster.pid(), dataDirectory);
		List<ProcessHandle> backends = postmaster.descendants().toList();
		postmaster.destroy();
		if (!exited(postmaster, SHUTDOWN_WAIT)) {
			log.warn("PostgreSQL (pid {}) did not stop within {}; killing it", postmaster.pid(), SHUTDOWN_WAIT);
			postmaster.destroyForcibly();
			exited(postmaster, SHUTDOWN_WAIT);
		}
		for (ProcessHandle backend : backends) {
			backend.destroyForcibly();
			exited(backend, SHUTDOWN_WAIT);
		}
	}

	private static Optional<Long> readPid(Path pidFile) throws IOException {
		if (!Files.exists(pidFile)) {
			return Optional.empty();
		}
		List<String> lines = Files.readAllLines(pidFile);
		try {
			return lines.isEmpty() ? Optional.empty() : Optional.of(Long.parseLong(lines.get(0).strip()));
		}
		catch (NumberFormatException ex) {
			return Optional.empty();
		}
	}

	// After a reboot the recorded pid may belong to another program: only a postgres is
	// ours.
	private static boolean isPostgres(ProcessHandle process) {
		return process.info().command().map((command) -> command.endsWith("postgres")).orElse(false);
	}

	private static boolean exited(ProcessHandle process, Duration wait) {
		CompletableFuture<ProcessHandle> exit = process.onExit();
		try {
			exit.get(wait.toMillis(), TimeUnit.MILLISECONDS);
			return true;
		}
		catch (TimeoutException ex) {
			return false;
		}
		catch (ExecutionException ex) {
			return !process.isAlive();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return !process.isAlive();
		}
	}

}
