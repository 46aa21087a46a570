package io.leadrelay.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Spring Boot's documented CDS procedure: extract the jar, make the archive with a
 * training run that stops once the context is refreshed, then start with the archive.
 */
final class Cds {

	private Cds() {
	}

	/**
	 * Extracts {@code jar} into {@code directory} and trains the archive there with
	 * {@code arguments}; returns the JVM options and jar to start with it.
	 * @return the command from {@code -XX:SharedArchiveFile} to the extracted jar
	 */
	static List<String> prepare(Path jar, Path directory, List<String> jvmOptions, List<String> arguments, Path log)
			throws IOException, InterruptedException {
		Files.createDirectories(directory.getParent());
		JavaProcess.runToEnd(List.of(JavaProcess.java(), "-Djarmode=tools", "-jar", jar.toString(), "extract",
				"--force", "--destination", directory.toString()), log);
		Path extracted = directory.resolve(jar.getFileName());
		Path archive = directory.resolve("application.jsa");
		List<String> training = new ArrayList<>(
				List.of(JavaProcess.java(), "-XX:ArchiveClassesAtExit=" + archive, "-Dspring.context.exit=onRefresh"));
		training.addAll(jvmOptions);
		training.addAll(List.of("-jar", extracted.toString()));
		training.addAll(arguments);
		training.add("--server.port=0");
		JavaProcess.runToEnd(training, log);
		if (!Files.exists(archive)) {
			throw new IllegalStateException("The training run made no " + archive + "; see " + log);
		}
		return List.of("-XX:SharedArchiveFile=" + archive, "-jar", extracted.toString());
	}

}
