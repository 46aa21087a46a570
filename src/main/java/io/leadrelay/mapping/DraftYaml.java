package io.leadrelay.mapping;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.leadrelay.mapping.MappingDraft.ConditionDraft;
import io.leadrelay.mapping.MappingDraft.FieldDraft;
import io.leadrelay.mapping.MappingDraft.Rule;
import io.leadrelay.mapping.MappingDraft.TransformDraft;
import io.leadrelay.mapping.YamlEmitter.Flow;
import io.leadrelay.mapping.YamlEmitter.Plain;

import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * The parts of a draft as plain values for {@link YamlEmitter}, in the order and shape of
 * the shipped example.
 */
final class DraftYaml {

	private DraftYaml() {
	}

	/**
	 * The whole mapping; {@code keptWhen} is the YAML condition the draft does not edit.
	 */
	static Map<String, Object> mapping(MappingDraft draft, Node keptWhen) {
		Map<String, Object> top = new LinkedHashMap<>();
		top.put("id", draft.id());
		if (draft.name() != null) {
			top.put("name", draft.name());
		}
		top.put("destination", draft.destination());
		top.put("enabled", new Plain(String.valueOf(draft.enabled())));
		Map<String, Object> match = match(draft, keptWhen);
		if (!match.isEmpty()) {
			top.put("match", match);
		}
		Map<String, Object> fields = new LinkedHashMap<>();
		draft.fields().forEach((field) -> fields.put(field.target(), field(field)));
		top.put("fields", fields);
		return top;
	}

	static Map<String, Object> match(MappingDraft draft, Node keptWhen) {
		Map<String, Object> match = new LinkedHashMap<>();
		if (!draft.pages().isEmpty()) {
			match.put("pages", ids(draft.pages()));
		}
		if (!draft.forms().isEmpty()) {
			match.put("forms", ids(draft.forms()));
		}
		if (!draft.platforms().isEmpty()) {
			match.put("platforms", draft.platforms());
		}
		if (draft.when() != null) {
			match.put("when", when(draft.when(), keptWhen));
		}
		return match;
	}

	/** Page and form ids always quoted, as numbers they are not. */
	static List<Object> ids(List<String> ids) {
		return ids.stream().map((id) -> (Object) new Plain(quoted(id))).toList();
	}

	private static String quoted(String id) {
		String scalar = YamlEmitter.scalar(id);
		return scalar.startsWith("\"") ? scalar : "\"" + scalar + "\"";
	}

	static Object when(ConditionDraft when, Node kept) {
		if (!when.editable()) {
			if (kept == null) {
				throw new IllegalArgumentException("a condition the builder cannot show needs the YAML it came from");
			}
			return plain(kept);
		}
		List<Object> rules = new ArrayList<>();
		when.rules().forEach((rule) -> rules.add(rule(rule)));
		Map<String, Object> condition = new LinkedHashMap<>();
		condition.put(when.combine(), rules);
		return condition;
	}

	private static Object rule(Rule rule) {
		Map<String, Object> test = new LinkedHashMap<>();
		test.put("field", rule.field());
		switch (rule.operator()) {
			case "in" -> test.put("in", rule.values());
			case "exists" -> {
				test.put("exists", new Plain(String.valueOf(!rule.negated())));
				return test;
			}
			default -> test.put(rule.operator(), rule.values().isEmpty() ? "" : rule.values().get(0));
		}
		return rule.negated() ? Map.of("not", test) : test;
	}

	static Map<String, Object> field(FieldDraft field) {
		Map<String, Object> definition = new LinkedHashMap<>();
		definition.put(field.sourceKind(), field.source());
		if (!field.transforms().isEmpty()) {
			definition.put("transforms", transforms(field.transforms()));
		}
		if (field.required()) {
			definition.put("required", new Plain("true"));
		}
		return definition;
	}

	static List<Object> transforms(List<TransformDraft> transforms) {
		return transforms.stream().map(DraftYaml::transform).toList();
	}

	private static Object transform(TransformDraft transform) {
		if (transform.map() != null) {
			Map<String, Object> argument = new LinkedHashMap<>();
			argument.put("map", new Flow(transform.map()));
			if (transform.defaultValue() != null) {
				argument.put("default", transform.defaultValue());
			}
			return Map.of(transform.name(), argument);
		}
		if (transform.group() != null) {
			Map<String, Object> argument = new LinkedHashMap<>();
			argument.put("pattern", transform.argument());
			argument.put("group", new Plain(String.valueOf(transform.group())));
			return Map.of(transform.name(), new Flow(argument));
		}
		if (transform.argument() == null) {
			return transform.name();
		}
		boolean number = "truncate".equals(transform.name()) && transform.argument().matches("[0-9]{1,9}");
		return Map.of(transform.name(), number ? new Plain(transform.argument()) : transform.argument());
	}

	/** A node tree as plain values, to write a kept condition out again. */
	static Object plain(Node node) {
		if (node instanceof ScalarNode scalar) {
			return scalar.getValue();
		}
		if (node instanceof SequenceNode sequence) {
			return sequence.getValue().stream().map(DraftYaml::plain).toList();
		}
		Map<String, Object> map = new LinkedHashMap<>();
		((MappingNode) node).getValue()
			.forEach((tuple) -> map.put(DraftReader.value(tuple.getKeyNode()), plain(tuple.getValueNode())));
		return map;
	}

}
