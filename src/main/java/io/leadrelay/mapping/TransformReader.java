package io.leadrelay.mapping;

import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;

/**
 * Builds a transform from its name and YAML argument.
 */
final class TransformReader {

	private TransformReader() {
	}

	static Transform read(YamlNodes nodes, String name, Node argument, String path) {
		return switch (name) {
			case "trim" -> none(nodes, argument, path, new Transform.Trim());
			case "lower" -> none(nodes, argument, path, new Transform.Lower());
			case "upper" -> none(nodes, argument, path, new Transform.Upper());
			case "title" -> none(nodes, argument, path, new Transform.Title());
			case "e164" -> new Transform.E164(required(nodes, argument, path, "a default region such as DE"));
			case "split_name" -> splitName(nodes, argument, path);
			case "value_map" -> valueMap(nodes, argument, path);
			case "date" -> {
				String pattern = required(nodes, argument, path, "an output pattern such as dd/MM/yyyy");
				yield new Transform.DateFormat(DateTimeFormatter.ofPattern(pattern), pattern);
			}
			case "regex_extract" -> regexExtract(nodes, argument, path);
			case "truncate" -> {
				int length = Integer.parseInt(required(nodes, argument, path, "a length"));
				if (length < 1) {
					throw new IllegalArgumentException("the length must be 1 or more");
				}
				yield new Transform.Truncate(length);
			}
			case "default" -> new Transform.Default(required(nodes, argument, path, "the value to use"));
			default -> throw new IllegalArgumentException("unknown transform " + name);
		};
	}

	private static Transform none(YamlNodes nodes, Node argument, String path, Transform transform) {
		if (argument != null) {
			throw nodes.error(argument, path, "this transform takes no argument");
		}
		return transform;
	}

	private static String required(YamlNodes nodes, Node argument, String path, String what) {
		if (argument == null) {
			throw new IllegalArgumentException("it needs " + what);
		}
		return nodes.scalar(argument, path);
	}

	private static Transform splitName(YamlNodes nodes, Node argument, String path) {
		String part = required(nodes, argument, path, "first or last");
		if (!"first".equals(part) && !"last".equals(part)) {
			throw new IllegalArgumentException("it takes first or last");
		}
		return new Transform.SplitName("first".equals(part));
	}

	private static Transform valueMap(YamlNodes nodes, Node argument, String path) {
		if (argument == null) {
			throw new IllegalArgumentException("it needs a map of values and, optionally, a default");
		}
		Map<String, Node> entries = nodes.map(argument, path + ".value_map", Set.of("map", "default"));
		if (!entries.containsKey("map")) {
			throw new IllegalArgumentException("it needs a map of values");
		}
		return new Transform.ValueMap(MappingParser.stringMap(nodes, entries.get("map"), path + ".value_map.map"),
				entries.containsKey("default") ? nodes.scalar(entries.get("default"), path + ".value_map.default")
						: null);
	}

	private static Transform regexExtract(YamlNodes nodes, Node argument, String path) {
		if (argument instanceof ScalarNode) {
			return new Transform.RegexExtract(Pattern.compile(nodes.scalar(argument, path)), 1);
		}
		if (argument == null) {
			throw new IllegalArgumentException("it needs a pattern");
		}
		Map<String, Node> entries = nodes.map(argument, path + ".regex_extract", Set.of("pattern", "group"));
		if (!entries.containsKey("pattern")) {
			throw new IllegalArgumentException("it needs a pattern");
		}
		Pattern pattern = Pattern.compile(nodes.scalar(entries.get("pattern"), path));
		int group = entries.containsKey("group") ? Integer.parseInt(nodes.scalar(entries.get("group"), path)) : 1;
		if (group < 0 || group > pattern.matcher("").groupCount()) {
			throw new IllegalArgumentException("the pattern has no group " + group);
		}
		return new Transform.RegexExtract(pattern, group);
	}

}
