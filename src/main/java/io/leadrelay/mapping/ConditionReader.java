package io.leadrelay.mapping;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

import org.yaml.snakeyaml.nodes.Node;

/**
 * Builds a condition from YAML: {@code all: [...]}, {@code any: [...]}, {@code not:
 * {...}}, a test {@code {field: country, in: [DE, AT]}} (equals, in, contains, matches,
 * exists), or {@code {consent: marketing_optin}} (the person ticked that checkbox).
 */
final class ConditionReader {

	static final Set<String> KEYS = Set.of("all", "any", "not", "field", "equals", "in", "contains", "matches",
			"exists", "consent");

	private ConditionReader() {
	}

	static Condition read(YamlNodes nodes, Node node, String path) {
		Map<String, Node> entries = nodes.map(node, path, KEYS);
		if (entries.containsKey("all") || entries.containsKey("any")) {
			String kind = entries.containsKey("all") ? "all" : "any";
			only(nodes, node, path, entries, kind);
			List<Condition> conditions = new ArrayList<>();
			List<Node> items = nodes.list(entries.get(kind), path + "." + kind);
			for (int i = 0; i < items.size(); i++) {
				conditions.add(read(nodes, items.get(i), path + "." + kind + "[" + i + "]"));
			}
			return "all".equals(kind) ? new Condition.All(conditions) : new Condition.Any(conditions);
		}
		if (entries.containsKey("not")) {
			only(nodes, node, path, entries, "not");
			return new Condition.Not(read(nodes, entries.get("not"), path + ".not"));
		}
		if (entries.containsKey("consent")) {
			only(nodes, node, path, entries, "consent");
			return new Condition.Consented(nodes.scalar(entries.get("consent"), path + ".consent"));
		}
		if (!entries.containsKey("field") || entries.size() != 2) {
			throw nodes.error(node, path,
					"a condition is all, any, not, consent, or a field with one of equals, in, contains, matches, exists");
		}
		String field = nodes.scalar(entries.get("field"), path + ".field");
		String test = entries.keySet().stream().filter((key) -> !"field".equals(key)).findFirst().orElseThrow();
		Node argument = entries.get(test);
		String argumentPath = path + "." + test;
		return switch (test) {
			case "equals" -> new Condition.EqualsValue(field, nodes.scalar(argument, argumentPath));
			case "in" -> new Condition.In(field, new HashSet<>(nodes.scalars(argument, argumentPath)));
			case "contains" -> new Condition.Contains(field, nodes.scalar(argument, argumentPath));
			case "matches" -> {
				try {
					yield new Condition.Matches(field, Pattern.compile(nodes.scalar(argument, argumentPath)));
				}
				catch (PatternSyntaxException ex) {
					throw nodes.error(argument, argumentPath, "not a valid regular expression: " + ex.getDescription());
				}
			}
			case "exists" -> nodes.bool(argument, argumentPath) ? new Condition.Exists(field)
					: new Condition.Not(new Condition.Exists(field));
			default -> throw nodes.error(node, path, "unknown test " + test);
		};
	}

	private static void only(YamlNodes nodes, Node node, String path, Map<String, Node> entries, String key) {
		if (entries.size() != 1) {
			throw nodes.error(node, path, "'" + key + "' stands alone in its condition");
		}
	}

}
