package io.leadrelay.web;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Reads a JSON request body field by field, so that a misspelt or misplaced field is
 * answered with a 400 naming it rather than silently ignored.
 */
public final class JsonBody {

	private final JsonNode node;

	private final String path;

	private JsonBody(JsonNode node, String path) {
		this.node = node;
		this.path = path;
	}

	/** The body, which must be an object holding no fields but the allowed ones. */
	public static JsonBody of(JsonNode body, Set<String> allowed) {
		if (body == null || !body.isObject()) {
			throw new InvalidRequestException("$", "The request body must be a JSON object");
		}
		return new JsonBody(body, "").allowOnly(allowed);
	}

	public String text(String name) {
		JsonNode value = this.node.get(name);
		if (value == null || value.isNull()) {
			return null;
		}
		if (!value.isTextual()) {
			throw new InvalidRequestException(field(name), field(name) + " must be a string");
		}
		return value.textValue();
	}

	public Boolean bool(String name) {
		JsonNode value = this.node.get(name);
		if (value == null || value.isNull()) {
			return null;
		}
		if (!value.isBoolean()) {
			throw new InvalidRequestException(field(name), field(name) + " must be true or false");
		}
		return value.booleanValue();
	}

	/** A whole number of 1 or more ({@code null} when absent). */
	public Integer positiveInt(String name) {
		JsonNode value = this.node.get(name);
		if (value == null || value.isNull()) {
			return null;
		}
		if (!value.isIntegralNumber() || !value.canConvertToInt() || value.intValue() < 1) {
			throw new InvalidRequestException(field(name), field(name) + " must be a whole number of 1 or more");
		}
		return value.intValue();
	}

	/** An object of string values ({@code null} when absent). */
	public Map<String, String> stringMap(String name) {
		JsonNode value = this.node.get(name);
		if (value == null || value.isNull()) {
			return null;
		}
		if (!value.isObject()) {
			throw new InvalidRequestException(field(name), field(name) + " must be an object of strings");
		}
		Map<String, String> map = new LinkedHashMap<>();
		value.fields().forEachRemaining((entry) -> {
			if (!entry.getValue().isTextual()) {
				String path = field(name) + "." + entry.getKey();
				throw new InvalidRequestException(path, path + " must be a string");
			}
			map.put(entry.getKey(), entry.getValue().textValue());
		});
		return map;
	}

	/**
	 * A nested object holding no fields but the allowed ones ({@code null} when absent).
	 */
	public JsonBody object(String name, Set<String> allowed) {
		JsonNode value = this.node.get(name);
		if (value == null || value.isNull()) {
			return null;
		}
		if (!value.isObject()) {
			throw new InvalidRequestException(field(name), field(name) + " must be an object");
		}
		return new JsonBody(value, field(name) + ".").allowOnly(allowed);
	}

	/** A field as it was sent ({@code null} when absent). */
	public JsonNode raw(String name) {
		JsonNode value = this.node.get(name);
		return (value == null || value.isNull()) ? null : value;
	}

	public boolean has(String name) {
		return this.node.hasNonNull(name);
	}

	private String field(String name) {
		return this.path + name;
	}

	private JsonBody allowOnly(Set<String> allowed) {
		for (Iterator<String> names = this.node.fieldNames(); names.hasNext();) {
			String name = names.next();
			if (!allowed.contains(name)) {
				throw new InvalidRequestException(field(name),
						"Unknown field " + field(name) + "; expected one of " + allowed.stream().sorted().toList());
			}
		}
		return this;
	}

}
