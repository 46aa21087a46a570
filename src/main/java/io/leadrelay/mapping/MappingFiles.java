package io.leadrelay.mapping;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import io.leadrelay.config.InvalidSetupException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.InitializingBean;
import org.springframework.stereotype.Component;

/**
 * Reads the {@code mappings/*.yaml} files at start-up, before the engine takes leads.
 * Every file is checked before any is saved, so a broken file stops the start with its
 * name and line and nothing is half-loaded. A file seen for the first time, or whose text
 * changed since it was last read, becomes the mapping's next version (created by
 * {@code file:<name>}); an unchanged file leaves alone what was saved through the API
 * since. Removing a file does not remove its mapping: disable it through the API. Two
 * enabled mappings for one destination (two files, or a file and a mapping saved through
 * the API) stop the start with both named.
 * <p>
 * The jar carries no mapping files: the default folder may be missing; a folder set in
 * {@code leadrelay.mapping.directory} must exist.
 */
@Component
class MappingFiles implements InitializingBean {

	/** The longest file name read; {@code file:<name>} is kept as a version's author. */
	static final int MAX_NAME_LENGTH = 150;

	private static final Logger log = LoggerFactory.getLogger(MappingFiles.class);

	private final MappingProperties properties;

	private final MappingVersions versions;

	MappingFiles(MappingProperties properties, MappingVersions versions) {
		this.properties = properties;
		this.versions = versions;
	}

	@Override
	public void afterPropertiesSet() {
		load();
		warnAboutSharedDestinations();
	}

	/**
	 * Enabled mappings that share a destination were saved before such saves were
	 * refused: say so at every start, since only the first of them (by id) that takes a
	 * lead is used.
	 */
	void warnAboutSharedDestinations() {
		this.versions.list()
			.stream()
			.filter(MappingSummary::enabled)
			.collect(Collectors.groupingBy(MappingSummary::destination, TreeMap::new,
					Collectors.mapping(MappingSummary::id, Collectors.toList())))
			.forEach((destination, ids) -> {
				if (ids.size() > 1) {
					log.warn("The destination '{}' takes the enabled mappings {}: only the first that takes a lead "
							+ "is used; disable all but one", destination, ids);
				}
			});
	}

	/** Reads the folder; returns how many files became new versions. */
	int load() {
		Path directory = this.properties.directory();
		if (!Files.isDirectory(directory)) {
			if (!this.properties.isDefaultDirectory()) {
				throw InvalidSetupException.missingFolder("leadrelay.mapping.directory", directory,
						"mapping files are read from ./mappings when it exists");
			}
			log.info("There is no mapping folder {}: mappings come from the API only",
					directory.toAbsolutePath().normalize());
			return 0;
		}
		MappingParser parser = new MappingParser();
		Map<String, Path> files = new LinkedHashMap<>();
		Map<String, Mapping> mappings = new LinkedHashMap<>();
		Map<String, String> texts = new LinkedHashMap<>();
		Map<String, Path> enabledFor = new LinkedHashMap<>();
		for (Path file : yamlFiles(directory)) {
			String name = file.getFileName().toString();
			if (name.length() > MAX_NAME_LENGTH) {
				throw new InvalidMappingException(file.toString(), "$",
						"a mapping file name has at most " + MAX_NAME_LENGTH + " characters");
			}
			String text = read(file);
			Mapping mapping = parser.parse(text, file.toString(), 0);
			Path other = files.putIfAbsent(mapping.id(), file);
			if (other != null) {
				throw new InvalidMappingException(file.toString(), 1, "id",
						"the id '" + mapping.id() + "' is used by " + other + " already");
			}
			if (mapping.enabled()) {
				Path taken = enabledFor.putIfAbsent(mapping.destination(), file);
				if (taken != null) {
					throw destinationTaken(file, mapping.destination(), taken.toString());
				}
			}
			mappings.put(mapping.id(), mapping);
			texts.put(mapping.id(), text);
		}
		int saved = 0;
		for (Map.Entry<String, Mapping> entry : mappings.entrySet()) {
			Path file = files.get(entry.getKey());
			String name = file.getFileName().toString();
			try {
				if (this.versions
					.save(entry.getValue(), texts.get(entry.getKey()), "file:" + name, MappingVersions.Mode.FILE,
							MappingSaved.Change.LOADED, null)
					.isPresent()) {
					log.info("Mapping '{}' from {} saved as a new version", entry.getKey(), name);
					saved++;
				}
			}
			catch (DestinationTakenException ex) {
				throw destinationTaken(file, ex.destination(), "the enabled mapping '" + ex.otherMapping()
						+ "' (saved through the API or from an earlier file; see GET /api/v1/mappings)");
			}
		}
		log.info("Read {} mapping files from {}; {} new versions", mappings.size(), directory, saved);
		return saved;
	}

	/**
	 * Two enabled mappings for one destination: the start stops, naming both, rather than
	 * let the first one win without a word.
	 */
	private static InvalidSetupException destinationTaken(Path file, String destination, String other) {
		return new InvalidSetupException(
				"The mapping file " + file + " sends to the destination '" + destination + "', and so does " + other
						+ ": a destination takes one enabled mapping",
				"Set enabled: false in one of them, or merge them into one mapping.");
	}

	private static List<Path> yamlFiles(Path directory) {
		try (Stream<Path> files = Files.list(directory)) {
			return files.filter((path) -> path.toString().endsWith(".yaml")).sorted().toList();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not read the mapping folder " + directory, ex);
		}
	}

	private static String read(Path file) {
		try {
			return Files.readString(file);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not read the mapping file " + file, ex);
		}
	}

}
