package io.leadrelay.mapping;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Writes plain Java values (maps, lists, strings) as YAML in the style of the shipped
 * mapping files: block maps, lists of single values in flow style
 * ({@code [trim, lower]}), other lists as {@code - } items indented under their key, and
 * strings quoted only when they must be.
 */
final class YamlEmitter {

	private static final Pattern PLAIN = Pattern.compile("[A-Za-z_][A-Za-z0-9_.\\-/@+]*( [A-Za-z0-9_.\\-/@+]+)*");

	private static final Set<String> LOOK_SPECIAL = Set.of("true", "false", "yes", "no", "on", "off", "null", "y", "n");

	private YamlEmitter() {
	}

	/** A map written in flow style, such as value_map's values. */
	record Flow(Map<String, ?> map) {
	}

	/** A value written as it is: a number, {@code true}, {@code false}. */
	record Plain(String text) {
	}

	/**
	 * A value: either on its key's line ({@code inline}) or as lines under it, each
	 * ending with a line break.
	 */
	record Value(boolean block, String text) {
	}

	/** A whole entry {@code key: value} at the given indent, ending with a line break. */
	static String entry(String key, Object value, int indent) {
		Value rendered = value(value, indent + 2);
		return " ".repeat(indent) + scalar(key) + ":" + (rendered.block() ? "\n" : " ") + rendered.text()
				+ (rendered.block() ? "" : "\n");
	}

	/** A value to stand under a key; block values are indented by {@code indent}. */
	static Value value(Object value, int indent) {
		if (value instanceof Map<?, ?> map && !map.isEmpty()) {
			StringBuilder out = new StringBuilder();
			map.forEach((key, item) -> out.append(entry((String) key, item, indent)));
			return new Value(true, out.toString());
		}
		if (value instanceof List<?> list && !list.stream().allMatch(YamlEmitter::single)) {
			StringBuilder out = new StringBuilder();
			for (Object item : list) {
				Value rendered = value(item, indent + 2);
				if (rendered.block()) {
					out.append(" ".repeat(indent)).append("- ").append(rendered.text().substring(indent + 2));
				}
				else {
					out.append(" ".repeat(indent)).append("- ").append(rendered.text()).append('\n');
				}
			}
			return new Value(true, out.toString());
		}
		return new Value(false, inline(value));
	}

	private static boolean single(Object value) {
		return value instanceof String || value instanceof Plain;
	}

	private static String inline(Object value) {
		if (value instanceof Plain plain) {
			return plain.text();
		}
		if (value instanceof List<?> list) {
			return "[" + String.join(", ", list.stream().map(YamlEmitter::inline).toList()) + "]";
		}
		if (value instanceof Map<?, ?> map) {
			return inline(new Flow((Map<String, ?>) map));
		}
		if (value instanceof Flow flow) {
			return "{" + String.join(", ",
					flow.map()
						.entrySet()
						.stream()
						.map((e) -> scalar(e.getKey()) + ": " + inline(e.getValue()))
						.toList())
					+ "}";
		}
		return scalar((String) value);
	}

	/** A string as a YAML scalar, quoted only when it has to be. */
	static String scalar(String value) {
		if (PLAIN.matcher(value).matches() && !LOOK_SPECIAL.contains(value.toLowerCase(Locale.ROOT))) {
			return value;
		}
		boolean printable = value.chars().allMatch((c) -> c >= 0x20 && c != 0x7f);
		if (printable && value.indexOf('\\') >= 0) {
			return "'" + value.replace("'", "''") + "'";
		}
		StringBuilder out = new StringBuilder("\"");
		value.chars().forEach((c) -> {
			switch (c) {
				case '"' -> out.append("\\\"");
				case '\\' -> out.append("\\\\");
				case '\n' -> out.append("\\n");
				case '\t' -> out.append("\\t");
				case '\r' -> out.append("\\r");
				default -> {
					if (c < 0x20 || c == 0x7f) {
						out.append(String.format("\\x%02x", c));
					}
					else {
						out.append((char) c);
					}
				}
			}
		});
		return out.append('"').toString();
	}

}
