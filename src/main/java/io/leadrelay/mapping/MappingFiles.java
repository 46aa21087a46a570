package io.leadrelay.mapping;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Service;

/**
 * The mappings of the {@code mappings/*.yaml} files, read once at start-up. A file that
 * cannot be used stops the start with its name and line: the engine never runs with half
 * of its mappings.
 */
@Service
public class MappingFiles {

	private static final Logger log = LoggerFactory.getLogger(MappingFiles.class);

	private final List<Mapping> mappings;

	MappingFiles(MappingProperties properties) {
		this.mappings = List.copyOf(load(properties.directory()));
		log.info("Read {} mappings from {}", this.mappings.size(), properties.directory());
	}

	public List<Mapping> all() {
		return this.mappings;
	}

	private static List<Mapping> load(Path directory) {
		if (!Files.isDirectory(directory)) {
			log.warn("The mapping folder {} does not exist: no mappings", directory.toAbsolutePath());
			return List.of();
		}
		MappingParser parser = new MappingParser();
		List<Mapping> mappings = new ArrayList<>();
		Map<String, Path> ids = new HashMap<>();
		try (Stream<Path> files = Files.list(directory)) {
			for (Path file : files.filter((path) -> path.toString().endsWith(".yaml")).sorted().toList()) {
				Mapping mapping = parser.parse(Files.readString(file), file.toString(), 1);
				Path other = ids.putIfAbsent(mapping.id(), file);
				if (other != null) {
					throw new MappingFileException(file.toString(), 1, "id",
							"the id '" + mapping.id() + "' is used by " + other + " already");
				}
				mappings.add(mapping);
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not read the mapping folder " + directory, ex);
		}
		return mappings;
	}

}
