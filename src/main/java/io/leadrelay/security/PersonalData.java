package io.leadrelay.security;

import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;

/**
 * Who may read a lead's personal data (its answers and the payloads made of them), and
 * what the others see instead. Admins and marketers see it; viewers, and any role this
 * class does not know, see {@value #HIDDEN} in place of each value, with the names of the
 * fields kept so that they still see what is sent.
 */
public final class PersonalData {

	/** What stands in for a value the caller may not read. */
	public static final String HIDDEN = "hidden for your role";

	private static final Set<Role> MAY_READ = EnumSet.of(Role.ADMIN, Role.MARKETER);

	private static final Set<String> MAY_READ_AUTHORITIES = MAY_READ.stream()
		.map(Role::authority)
		.collect(Collectors.toUnmodifiableSet());

	private PersonalData() {
	}

	/** Whether users of the role may read a lead's personal data. */
	public static boolean visibleTo(Role role) {
		return MAY_READ.contains(role);
	}

	/**
	 * Whether the signed-in caller may read a lead's personal data: their role may, and
	 * no sign-in step is pending.
	 */
	public static boolean visibleTo(Authentication caller) {
		if (caller == null || !caller.isAuthenticated()) {
			return false;
		}
		return caller.getAuthorities()
			.stream()
			.map(GrantedAuthority::getAuthority)
			.anyMatch(MAY_READ_AUTHORITIES::contains);
	}

	/**
	 * The JSON as the caller may read it: unchanged, or with every value (at any depth)
	 * replaced by {@value #HIDDEN} and the member names and the shape kept. JSON nulls
	 * stay null: there is nothing to hide.
	 */
	public static JsonNode forCaller(Authentication caller, JsonNode json) {
		return visibleTo(caller) ? json : masked(json);
	}

	/** The fields as the caller may read them: unchanged, or each value hidden. */
	public static Map<String, String> forCaller(Authentication caller, Map<String, String> fields) {
		if (visibleTo(caller) || fields == null) {
			return fields;
		}
		Map<String, String> masked = new LinkedHashMap<>();
		fields.forEach((name, value) -> masked.put(name, (value != null) ? HIDDEN : null));
		return Collections.unmodifiableMap(masked);
	}

	static JsonNode masked(JsonNode json) {
		if (json == null || json.isNull() || json.isMissingNode()) {
			return json;
		}
		if (json.isObject()) {
			ObjectNode masked = JsonNodeFactory.instance.objectNode();
			json.properties().forEach((member) -> masked.set(member.getKey(), masked(member.getValue())));
			return masked;
		}
		if (json.isArray()) {
			ArrayNode masked = JsonNodeFactory.instance.arrayNode();
			json.forEach((item) -> masked.add(masked(item)));
			return masked;
		}
		return TextNode.valueOf(HIDDEN);
	}

}
