package io.leadrelay.mapping;

import java.util.List;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.leadrelay.destination.Destinations;

import org.springframework.stereotype.Service;

/**
 * The mappings in use and their history. Every save is a new version; a rollback saves an
 * old version's definition again as the newest. The pipeline reads the current version of
 * every enabled mapping from the database on each batch, so a save on one instance is
 * used by all of them; parsed definitions are cached by (id, version), which never
 * change.
 */
@Service
public class Mappings {

	/** The longest definition accepted, in characters. */
	public static final int MAX_DEFINITION_LENGTH = 262_144;

	static final String REQUEST = "the request body";

	private final MappingVersions versions;

	private final Destinations destinations;

	private final MappingParser parser = new MappingParser();

	private final Cache<ParsedKey, Mapping> parsed = Caffeine.newBuilder().maximumSize(1_000).build();

	Mappings(MappingVersions versions, Destinations destinations) {
		this.versions = versions;
		this.destinations = destinations;
	}

	/**
	 * Checks a definition sent by a user without saving it.
	 * @param definition YAML (or JSON) text
	 * @return the mapping it describes
	 * @throws InvalidMappingException naming the line and key of the first mistake
	 */
	public Mapping parse(String definition) {
		if (definition.length() > MAX_DEFINITION_LENGTH) {
			throw new InvalidMappingException(REQUEST, "$",
					"a definition has at most " + MAX_DEFINITION_LENGTH + " characters");
		}
		return this.parser.parse(definition, REQUEST, 0);
	}

	/**
	 * Saves a new mapping as its version 1.
	 * @param definition YAML text, kept as it is (comments included), or JSON, kept as
	 * the same definition in YAML
	 */
	public StoredMapping create(String definition, String actor) {
		Mapping mapping = checked(definition);
		return this.versions
			.save(mapping, MappingYaml.normalize(definition), actor, MappingVersions.Mode.CREATE,
					MappingSaved.Change.CREATED, null)
			.orElseThrow();
	}

	/** Saves a definition as the next version of mapping {@code id}. */
	public StoredMapping update(String id, String definition, String actor) {
		Mapping mapping = checked(definition);
		if (!mapping.id().equals(id)) {
			throw new InvalidMappingException(REQUEST, "id", "the definition's id is '" + mapping.id()
					+ "' but the address names '" + id + "'; an id cannot change, create a new mapping instead");
		}
		return this.versions
			.save(mapping, MappingYaml.normalize(definition), actor, MappingVersions.Mode.UPDATE,
					MappingSaved.Change.UPDATED, null)
			.orElseThrow();
	}

	/**
	 * Saves version {@code version}'s definition again as the newest version.
	 * @throws MappingNotFoundException when there is no such mapping or version
	 */
	public StoredMapping rollback(String id, int version, String actor) {
		StoredMapping old = version(id, version);
		if (old.current()) {
			throw new InvalidMappingException("version",
					"version " + version + " is the current version of '" + id + "' already");
		}
		Mapping mapping = definitionOf(old);
		requireDestination(mapping);
		return this.versions
			.save(mapping, old.definition(), actor, MappingVersions.Mode.UPDATE, MappingSaved.Change.ROLLED_BACK,
					version)
			.orElseThrow();
	}

	public List<MappingSummary> list() {
		return this.versions.list();
	}

	public StoredMapping current(String id) {
		return this.versions.current(id)
			.orElseThrow(() -> new MappingNotFoundException("There is no mapping '" + id + "'"));
	}

	public StoredMapping version(String id, int version) {
		return this.versions.version(id, version)
			.orElseThrow(() -> new MappingNotFoundException(this.versions.current(id).isEmpty()
					? "There is no mapping '" + id + "'" : "The mapping '" + id + "' has no version " + version));
	}

	/** Every version of a mapping, newest first. */
	public List<StoredMapping> versions(String id) {
		List<StoredMapping> all = this.versions.versions(id);
		if (all.isEmpty()) {
			throw new MappingNotFoundException("There is no mapping '" + id + "'");
		}
		return all;
	}

	/** What a saved version describes. */
	public Mapping definitionOf(StoredMapping stored) {
		return this.parsed.get(new ParsedKey(stored.id(), stored.version(), stored.definition()), (key) -> this.parser
			.parse(key.definition(), "mapping '" + key.id() + "' version " + key.version(), key.version()));
	}

	/** The current version of every enabled mapping, by id. */
	public List<Mapping> enabled() {
		return this.versions.enabled().stream().map(this::definitionOf).toList();
	}

	private Mapping checked(String definition) {
		Mapping mapping = parse(definition);
		requireDestination(mapping);
		return mapping;
	}

	private void requireDestination(Mapping mapping) {
		if (!this.destinations.exists(mapping.destination())) {
			throw new InvalidMappingException("destination",
					"there is no destination '" + mapping.destination() + "'; add it under /api/v1/destinations first");
		}
	}

	private record ParsedKey(String id, int version, String definition) {
	}

}
