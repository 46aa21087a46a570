package io.leadrelay.mapping;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.leadrelay.mapping.MappingDraft.ConditionDraft;
import io.leadrelay.mapping.MappingDraft.FieldDraft;
import io.leadrelay.mapping.MappingDraft.Rule;
import io.leadrelay.mapping.MappingDraft.TransformDraft;

import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * Turns the node tree of a definition that {@link MappingParser} accepted into a
 * {@link MappingDraft}; the parser has checked the shape, so nothing here complains.
 */
final class DraftReader {

	static final List<String> SOURCES = List.of("answer", "meta", "constant", "template");

	static final List<String> OPERATORS = List.of("equals", "in", "contains", "matches", "exists");

	private DraftReader() {
	}

	static MappingDraft read(Node root) {
		Map<String, Node> top = entries(root);
		Map<String, Node> match = top.containsKey("match") ? entries(top.get("match")) : Map.of();
		List<FieldDraft> fields = new ArrayList<>();
		entries(top.get("fields")).forEach((target, definition) -> fields.add(field(target, definition)));
		return new MappingDraft(value(top.get("id")), top.containsKey("name") ? value(top.get("name")) : null,
				value(top.get("destination")), !top.containsKey("enabled") || "true".equals(value(top.get("enabled"))),
				values(match.get("pages")), values(match.get("forms")), values(match.get("platforms")),
				match.containsKey("when") ? condition(match.get("when")) : null, fields);
	}

	static Map<String, Node> entries(Node node) {
		Map<String, Node> entries = new LinkedHashMap<>();
		for (NodeTuple tuple : ((MappingNode) node).getValue()) {
			entries.put(value(tuple.getKeyNode()), tuple.getValueNode());
		}
		return entries;
	}

	static String value(Node node) {
		return ((ScalarNode) node).getValue();
	}

	static List<String> values(Node node) {
		return (node == null) ? List.of() : ((SequenceNode) node).getValue().stream().map(DraftReader::value).toList();
	}

	private static FieldDraft field(String target, Node definition) {
		Map<String, Node> field = entries(definition);
		String kind = SOURCES.stream().filter(field::containsKey).findFirst().orElseThrow();
		List<TransformDraft> transforms = new ArrayList<>();
		if (field.containsKey("transforms")) {
			for (Node item : ((SequenceNode) field.get("transforms")).getValue()) {
				transforms.add(transform(item));
			}
		}
		return new FieldDraft(target, kind, value(field.get(kind)), transforms,
				field.containsKey("required") && "true".equals(value(field.get("required"))));
	}

	private static TransformDraft transform(Node node) {
		if (node instanceof ScalarNode scalar) {
			return TransformDraft.of(scalar.getValue(), null);
		}
		Map.Entry<String, Node> entry = entries(node).entrySet().iterator().next();
		String name = entry.getKey();
		Node argument = entry.getValue();
		if (argument instanceof ScalarNode scalar) {
			return TransformDraft.of(name, scalar.getValue());
		}
		Map<String, Node> arguments = entries(argument);
		if ("value_map".equals(name)) {
			Map<String, String> map = new LinkedHashMap<>();
			entries(arguments.get("map")).forEach((key, value) -> map.put(key, value(value)));
			return new TransformDraft(name, null, null, map,
					arguments.containsKey("default") ? value(arguments.get("default")) : null);
		}
		return new TransformDraft(name, value(arguments.get("pattern")),
				arguments.containsKey("group") ? Integer.valueOf(value(arguments.get("group"))) : null, null, null);
	}

	/**
	 * The builder's view of a condition: all or any over rules, each maybe negated, or a
	 * single rule; anything deeper is kept as it is and shown read-only.
	 */
	static ConditionDraft condition(Node node) {
		Map<String, Node> entries = entries(node);
		String combine = entries.containsKey("any") ? "any" : "all";
		if (entries.containsKey(combine)) {
			List<Rule> rules = new ArrayList<>();
			for (Node item : ((SequenceNode) entries.get(combine)).getValue()) {
				Rule rule = rule(item);
				if (rule == null) {
					return new ConditionDraft(combine, List.of(), false);
				}
				rules.add(rule);
			}
			return new ConditionDraft(combine, rules, true);
		}
		Rule rule = rule(node);
		return (rule != null) ? new ConditionDraft("all", List.of(rule), true)
				: new ConditionDraft("all", List.of(), false);
	}

	/** A test or a negated test; {@code null} for anything else. */
	private static Rule rule(Node node) {
		Map<String, Node> entries = entries(node);
		if (entries.containsKey("not")) {
			Rule inner = test(entries(entries.get("not")));
			return (inner == null || inner.negated()) ? null
					: new Rule(inner.field(), inner.operator(), inner.values(), true);
		}
		return test(entries);
	}

	private static Rule test(Map<String, Node> entries) {
		if (!entries.containsKey("field")) {
			return null;
		}
		String field = value(entries.get("field"));
		String operator = OPERATORS.stream().filter(entries::containsKey).findFirst().orElseThrow();
		Node argument = entries.get(operator);
		return switch (operator) {
			case "in" -> new Rule(field, operator, values(argument), false);
			case "exists" -> new Rule(field, operator, List.of(), !"true".equals(value(argument)));
			default -> new Rule(field, operator, List.of(value(argument)), false);
		};
	}

}
