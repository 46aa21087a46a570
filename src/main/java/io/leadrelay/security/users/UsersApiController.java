package io.leadrelay.security.users;

import java.net.URI;
import java.security.Principal;
import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import io.leadrelay.security.Role;
import io.leadrelay.web.JsonBody;

import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/v1/users}: who may use LeadRelay, for admins. Generated passwords are in
 * the answer that creates them and nowhere else.
 */
@RestController
@RequestMapping("/api/v1/users")
class UsersApiController {

	private static final Set<String> CREATE_FIELDS = Set.of("username", "role", "password");

	private static final Set<String> UPDATE_FIELDS = Set.of("role", "enabled");

	private final Users users;

	UsersApiController(Users users) {
		this.users = users;
	}

	@GetMapping
	List<UserView> list() {
		return this.users.list();
	}

	@GetMapping("/{id}")
	UserView get(@PathVariable long id) {
		return this.users.get(id);
	}

	/** Adds a user; without a password, one is generated and answered this once. */
	@PostMapping
	ResponseEntity<IssuedPassword> create(@RequestBody JsonNode body, Principal actor) {
		JsonBody request = JsonBody.of(body, CREATE_FIELDS);
		IssuedPassword created = this.users.create(request.text("username"), Roles.parse(request.text("role")),
				request.text("password"), actor.getName());
		return ResponseEntity.created(URI.create("/api/v1/users/" + created.user().id()))
			.cacheControl(CacheControl.noStore())
			.body(created);
	}

	@PutMapping("/{id}")
	UserView update(@PathVariable long id, @RequestBody JsonNode body, Principal actor) {
		JsonBody request = JsonBody.of(body, UPDATE_FIELDS);
		Role role = Roles.parse(request.text("role"));
		Boolean enabled = request.bool("enabled");
		if (role == null && enabled == null) {
			throw new InvalidUserException("role", "give a new role, enabled, or both");
		}
		return this.users.update(id, role, enabled, actor.getName());
	}

	/** Gives the user a generated one-time password, answered this once. */
	@PostMapping("/{id}/password-reset")
	ResponseEntity<IssuedPassword> resetPassword(@PathVariable long id, Principal actor) {
		return ResponseEntity.ok()
			.cacheControl(CacheControl.noStore())
			.body(this.users.resetPassword(id, actor.getName()));
	}

}
