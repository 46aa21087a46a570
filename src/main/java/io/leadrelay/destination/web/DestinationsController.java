package io.leadrelay.destination.web;

import java.net.URI;
import java.security.Principal;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import io.leadrelay.destination.DestinationChange;
import io.leadrelay.destination.DestinationView;
import io.leadrelay.destination.Destinations;
import io.leadrelay.destination.NewDestination;
import io.leadrelay.destination.WhenWaiting;
import io.leadrelay.web.DisplayNames;
import io.leadrelay.web.InvalidRequestException;
import io.leadrelay.web.JsonBody;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/v1/destinations}: where mapped leads go. Credentials are write-only.
 */
@RestController
@RequestMapping("/api/v1/destinations")
class DestinationsController {

	private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9-]{0,63}");

	private static final Set<String> FIELDS = Set.of("id", "name", "type", "settings", "credentials", "enabled");

	private final Destinations destinations;

	DestinationsController(Destinations destinations) {
		this.destinations = destinations;
	}

	@GetMapping
	List<DestinationView> list() {
		return this.destinations.list();
	}

	@GetMapping("/{id}")
	DestinationView get(@PathVariable String id) {
		return this.destinations.get(id(id));
	}

	@PostMapping
	ResponseEntity<DestinationView> create(@RequestBody JsonNode body, Principal user) {
		JsonBody request = JsonBody.of(body, FIELDS);
		String id = id(request.text("id"));
		String type = request.text("type");
		Boolean enabled = request.bool("enabled");
		NewDestination destination = new NewDestination(id, DisplayNames.check(request.text("name"), true), type,
				orEmpty(request.stringMap("settings")), orEmpty(request.stringMap("credentials")),
				(enabled != null) ? enabled : true);
		return ResponseEntity.created(URI.create("/api/v1/destinations/" + id))
			.body(this.destinations.create(destination, user.getName()));
	}

	@PutMapping("/{id}")
	DestinationView update(@PathVariable String id, @RequestBody JsonNode body, Principal user) {
		JsonBody request = JsonBody.of(body, FIELDS);
		if (request.has("id") && !id.equals(request.text("id"))) {
			throw new InvalidRequestException("id", "id cannot be changed");
		}
		if (request.has("type")) {
			throw new InvalidRequestException("type", "type cannot be changed; create a new destination");
		}
		DestinationChange change = new DestinationChange(DisplayNames.check(request.text("name"), false),
				request.stringMap("settings"), request.stringMap("credentials"), request.bool("enabled"));
		return this.destinations.update(id(id), change, user.getName());
	}

	/**
	 * Deletes a destination; while deliveries wait for it, only with
	 * {@code ?waiting=dead}, which gives them up (409 otherwise).
	 */
	@DeleteMapping("/{id}")
	ResponseEntity<Void> delete(@PathVariable String id, @RequestParam(required = false) String waiting,
			Principal user) {
		this.destinations.delete(id(id), whenWaiting(waiting), user.getName());
		return ResponseEntity.noContent().build();
	}

	private static WhenWaiting whenWaiting(String value) {
		if (value == null) {
			return WhenWaiting.REFUSE;
		}
		return WhenWaiting.fromCode(value)
			.filter((choice) -> choice != WhenWaiting.REFUSE)
			.orElseThrow(() -> new InvalidRequestException("waiting",
					"waiting must be 'dead' (give up the deliveries that wait) or left out (refuse while any wait)"));
	}

	private static String id(String value) {
		if (value == null || !ID.matcher(value).matches()) {
			throw new InvalidRequestException("id",
					"id must be 1 to 64 lower-case letters, digits or '-', starting with a letter or digit");
		}
		return value;
	}

	private static Map<String, String> orEmpty(Map<String, String> map) {
		return (map != null) ? map : Map.of();
	}

}
