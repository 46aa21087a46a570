package io.leadrelay.mapping;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;

/**
 * Reads a mapping from YAML (the format of {@code mappings/*.yaml}, documented in
 * {@code mappings/README.md}). Anything unknown or malformed is refused with the file,
 * the line and the key.
 */
public class MappingParser {

	static final Set<String> TOP = Set.of("id", "name", "destination", "enabled", "match", "fields");

	static final Set<String> MATCH = Set.of("pages", "forms", "platforms", "when");

	static final Set<String> FIELD = Set.of("answer", "meta", "constant", "template", "transforms", "required");

	static final Set<String> TRANSFORMS = Set.of("trim", "lower", "upper", "title", "e164", "split_name", "value_map",
			"date", "regex_extract", "truncate", "default");

	private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9-]{0,63}");

	public Mapping parse(String yaml, String source, int version) {
		Node root;
		try {
			root = new Yaml(new SafeConstructor(new LoaderOptions())).compose(new StringReader(yaml));
		}
		catch (MarkedYAMLException ex) {
			int line = (ex.getProblemMark() != null) ? ex.getProblemMark().getLine() + 1 : 1;
			throw new InvalidMappingException(source, line, "", "not valid YAML: " + ex.getProblem());
		}
		YamlNodes nodes = new YamlNodes(source);
		if (root == null) {
			throw new InvalidMappingException(source, 1, "", "the file is empty");
		}
		Map<String, Node> top = nodes.map(root, "", TOP);
		for (String required : List.of("id", "destination", "fields")) {
			if (!top.containsKey(required)) {
				throw nodes.error(root, required, "the key '" + required + "' is required");
			}
		}
		String id = nodes.scalar(top.get("id"), "id");
		if (!ID.matcher(id).matches()) {
			throw nodes.error(top.get("id"), "id", "an id is 1 to 64 lower-case letters, digits or '-'");
		}
		Map<String, Node> match = top.containsKey("match") ? nodes.map(top.get("match"), "match", MATCH) : Map.of();
		return new Mapping(id, version, nodes.scalar(top.get("destination"), "destination"),
				!top.containsKey("enabled") || nodes.bool(top.get("enabled"), "enabled"),
				set(nodes, match.get("pages"), "match.pages"), set(nodes, match.get("forms"), "match.forms"),
				set(nodes, match.get("platforms"), "match.platforms"),
				match.containsKey("when") ? ConditionReader.read(nodes, match.get("when"), "match.when") : null,
				fields(nodes, top.get("fields")));
	}

	private static Set<String> set(YamlNodes nodes, Node node, String path) {
		return (node == null) ? Set.of() : new HashSet<>(nodes.scalars(node, path));
	}

	private static List<FieldRule> fields(YamlNodes nodes, Node node) {
		List<FieldRule> rules = new ArrayList<>();
		nodes.map(node, "fields", Set.of()).forEach((target, definition) -> {
			String path = "fields." + target;
			Map<String, Node> field = nodes.map(definition, path, FIELD);
			List<String> sources = field.keySet()
				.stream()
				.filter(Set.of("answer", "meta", "constant", "template")::contains)
				.toList();
			if (sources.size() != 1) {
				throw nodes.error(definition, path, "give exactly one of answer, meta, constant, template");
			}
			String kind = sources.get(0);
			String value = nodes.scalar(field.get(kind), path + "." + kind);
			if (kind.equals("meta") && !LeadData.METADATA.contains(value) && !(value.startsWith(LeadData.CONSENT_PREFIX)
					&& value.length() > LeadData.CONSENT_PREFIX.length())) {
				throw nodes.error(field.get(kind), path + ".meta", "unknown lead metadata '" + value
						+ "'; expected one of " + LeadData.METADATA + " or consent.<checkbox key>");
			}
			Source source = switch (kind) {
				case "answer" -> new Source.Answer(value);
				case "meta" -> new Source.Meta(value);
				case "constant" -> new Source.Constant(value);
				default -> new Source.Template(value);
			};
			List<Transform> transforms = field.containsKey("transforms")
					? transforms(nodes, field.get("transforms"), path + ".transforms") : List.of();
			boolean required = field.containsKey("required") && nodes.bool(field.get("required"), path + ".required");
			rules.add(new FieldRule(target, source, transforms, required));
		});
		return rules;
	}

	private static List<Transform> transforms(YamlNodes nodes, Node node, String path) {
		List<Transform> transforms = new ArrayList<>();
		List<Node> items = nodes.list(node, path);
		for (int i = 0; i < items.size(); i++) {
			transforms.add(transform(nodes, items.get(i), path + "[" + i + "]"));
		}
		return transforms;
	}

	private static Transform transform(YamlNodes nodes, Node node, String path) {
		String name;
		Node argument = null;
		if (node instanceof ScalarNode) {
			name = nodes.scalar(node, path);
		}
		else {
			Map<String, Node> entry = nodes.map(node, path, Set.of());
			if (entry.size() != 1) {
				throw nodes.error(node, path, "a transform is a name, or one name with its argument");
			}
			name = entry.keySet().iterator().next();
			argument = entry.get(name);
		}
		if (!TRANSFORMS.contains(name)) {
			throw nodes.error(node, path,
					"unknown transform '" + name + "'; expected one of " + TRANSFORMS.stream().sorted().toList());
		}
		try {
			return TransformReader.read(nodes, name, argument, path);
		}
		catch (IllegalArgumentException ex) {
			throw nodes.error(node, path, "bad argument for " + name + ": " + ex.getMessage());
		}
	}

	static Map<String, String> stringMap(YamlNodes nodes, Node node, String path) {
		Map<String, String> map = new LinkedHashMap<>();
		nodes.map(node, path, Set.of()).forEach((key, value) -> map.put(key, nodes.scalar(value, path + "." + key)));
		return map;
	}

}
