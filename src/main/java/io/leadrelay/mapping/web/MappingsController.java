package io.leadrelay.mapping.web;

import java.net.URI;
import java.security.Principal;
import java.time.Instant;
import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import io.leadrelay.mapping.MappingSummary;
import io.leadrelay.mapping.Mappings;
import io.leadrelay.mapping.StoredMapping;
import io.leadrelay.web.InvalidRequestException;
import io.leadrelay.web.JsonBody;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/v1/mappings}: mapping definitions, sent as YAML or JSON, kept as YAML.
 * Every save is a new version; old versions can be read, exported and rolled back to.
 */
@RestController
@RequestMapping("/api/v1/mappings")
class MappingsController {

	static final String YAML = "application/yaml";

	private final Mappings mappings;

	MappingsController(Mappings mappings) {
		this.mappings = mappings;
	}

	@GetMapping
	List<MappingSummary> list() {
		return this.mappings.list();
	}

	@GetMapping("/{id}")
	MappingView get(@PathVariable String id) {
		return view(this.mappings.current(id));
	}

	@PostMapping(consumes = { MediaType.APPLICATION_JSON_VALUE, YAML, "application/x-yaml", "text/yaml",
			MediaType.TEXT_PLAIN_VALUE })
	ResponseEntity<MappingView> create(@RequestBody String definition, Principal user) {
		StoredMapping saved = this.mappings.create(definition, user.getName());
		return ResponseEntity.created(URI.create("/api/v1/mappings/" + saved.id())).body(view(saved));
	}

	@PutMapping(path = "/{id}", consumes = { MediaType.APPLICATION_JSON_VALUE, YAML, "application/x-yaml", "text/yaml",
			MediaType.TEXT_PLAIN_VALUE })
	MappingView update(@PathVariable String id, @RequestBody String definition, Principal user) {
		return view(this.mappings.update(id, definition, user.getName()));
	}

	/** Every version, newest first, without their definitions. */
	@GetMapping("/{id}/versions")
	List<VersionSummary> versions(@PathVariable String id) {
		return this.mappings.versions(id)
			.stream()
			.map((version) -> new VersionSummary(version.version(), version.current(), version.createdAt(),
					version.createdBy()))
			.toList();
	}

	@GetMapping("/{id}/versions/{version}")
	MappingView version(@PathVariable String id, @PathVariable int version) {
		return view(this.mappings.version(id, version));
	}

	/** Saves an old version's definition again as the newest version. */
	@PostMapping("/{id}/rollback")
	MappingView rollback(@PathVariable String id, @RequestBody JsonNode body, Principal user) {
		JsonBody request = JsonBody.of(body, Set.of("version"));
		Integer version = request.positiveInt("version");
		if (version == null) {
			throw new InvalidRequestException("version", "give the version to roll back to");
		}
		return view(this.mappings.rollback(id, version, user.getName()));
	}

	/** The definition as a YAML file, the current version or the one asked for. */
	@GetMapping(path = "/{id}/export", produces = { YAML, MediaType.ALL_VALUE })
	ResponseEntity<String> export(@PathVariable String id, @RequestParam(required = false) Integer version) {
		StoredMapping stored = (version != null) ? this.mappings.version(id, version) : this.mappings.current(id);
		return ResponseEntity.ok()
			.contentType(MediaType.parseMediaType(YAML + ";charset=UTF-8"))
			.header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + stored.id() + ".yaml\"")
			.body(stored.definition());
	}

	private MappingView view(StoredMapping stored) {
		return MappingView.of(stored, this.mappings.definitionOf(stored));
	}

	/**
	 * One version in a mapping's history.
	 *
	 * @param version its number
	 * @param current whether it is in use
	 * @param createdAt when it was saved
	 * @param createdBy who saved it
	 */
	record VersionSummary(int version, boolean current, Instant createdAt, String createdBy) {
	}

}
