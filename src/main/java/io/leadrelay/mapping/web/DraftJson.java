package io.leadrelay.mapping.web;

import java.util.List;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.leadrelay.mapping.MappingDraft;
import io.leadrelay.mapping.MappingDraft.ConditionDraft;
import io.leadrelay.mapping.MappingDraft.FieldDraft;
import io.leadrelay.mapping.MappingDraft.Rule;
import io.leadrelay.mapping.MappingDraft.TransformDraft;

/**
 * A draft in the shape of a mapping file, as JSON (which is YAML too), for the live
 * preview to parse without saving. Rows without a CRM field and rules without a field are
 * left out: they are still being filled in. The condition is always written under
 * {@code all}/{@code any}, so that a problem's path names the rule by its row.
 */
final class DraftJson {

	private static final ObjectMapper JSON = new ObjectMapper();

	private DraftJson() {
	}

	static String write(MappingDraft draft) {
		ObjectNode root = JSON.createObjectNode();
		root.put("id", draft.id());
		if (draft.name() != null) {
			root.put("name", draft.name());
		}
		root.put("destination", draft.destination());
		root.put("enabled", draft.enabled());
		ObjectNode match = JSON.createObjectNode();
		addList(match, "pages", draft.pages());
		addList(match, "forms", draft.forms());
		addList(match, "platforms", draft.platforms());
		JsonNode when = condition(draft.when());
		if (when != null) {
			match.set("when", when);
		}
		if (!match.isEmpty()) {
			root.set("match", match);
		}
		ObjectNode fields = root.putObject("fields");
		for (FieldDraft field : draft.fields()) {
			if (!field.target().isBlank() && !fields.has(field.target())) {
				fields.set(field.target(), field(field));
			}
		}
		try {
			return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(root);
		}
		catch (JsonProcessingException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static void addList(ObjectNode node, String key, List<String> values) {
		if (!values.isEmpty()) {
			ArrayNode array = node.putArray(key);
			values.forEach(array::add);
		}
	}

	private static JsonNode condition(ConditionDraft when) {
		if (when == null || !when.editable()) {
			return null;
		}
		ArrayNode rules = JSON.createArrayNode();
		for (Rule rule : when.rules()) {
			if (rule.field().isBlank()) {
				continue;
			}
			ObjectNode test = JSON.createObjectNode().put("field", rule.field());
			switch (rule.operator()) {
				case "in" -> addList(test, "in", rule.values());
				case "exists" -> test.put("exists", true);
				default -> test.put(rule.operator(), rule.values().isEmpty() ? "" : rule.values().get(0));
			}
			if ("in".equals(rule.operator()) && rule.values().isEmpty()) {
				test.putArray("in");
			}
			rules.add(rule.negated() ? JSON.createObjectNode().set("not", test) : test);
		}
		return rules.isEmpty() ? null : JSON.createObjectNode().set(when.combine(), rules);
	}

	private static ObjectNode field(FieldDraft field) {
		ObjectNode node = JSON.createObjectNode();
		node.put(field.sourceKind(), field.source());
		if (!field.transforms().isEmpty()) {
			ArrayNode transforms = node.putArray("transforms");
			field.transforms().forEach((transform) -> transforms.add(transform(transform)));
		}
		if (field.required()) {
			node.put("required", true);
		}
		return node;
	}

	private static JsonNode transform(TransformDraft transform) {
		String name = transform.name();
		if ("value_map".equals(name)) {
			ObjectNode argument = JSON.createObjectNode();
			ObjectNode map = argument.putObject("map");
			if (transform.map() != null) {
				transform.map().forEach(map::put);
			}
			if (transform.defaultValue() != null) {
				argument.put("default", transform.defaultValue());
			}
			return JSON.createObjectNode().set(name, argument);
		}
		if (transform.argument() == null) {
			return JSON.getNodeFactory().textNode(name);
		}
		if ("regex_extract".equals(name) && transform.group() != null) {
			ObjectNode argument = JSON.createObjectNode().put("pattern", transform.argument());
			argument.put("group", transform.group());
			return JSON.createObjectNode().set(name, argument);
		}
		return JSON.createObjectNode().put(name, transform.argument());
	}

}
