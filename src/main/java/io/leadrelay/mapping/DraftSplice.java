package io.leadrelay.mapping;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import io.leadrelay.mapping.MappingDraft.FieldDraft;
import io.leadrelay.mapping.YamlSplice.Entry;

import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;

/**
 * Writes a changed draft into the YAML it was read from: what the draft left as it was
 * keeps its text (comments, quotes, layout), changed values are written anew, new keys
 * come after the keys they follow in the usual order.
 */
final class DraftSplice {

	private static final List<String> TOP = List.of("id", "name", "destination", "enabled", "match", "fields");

	private static final List<String> MATCH = List.of("pages", "forms", "platforms", "when");

	private static final List<String> FIELD = List.of("source", "transforms", "required");

	private final YamlSplice yaml;

	private final MappingDraft before;

	private final MappingDraft after;

	private DraftSplice(String previous, MappingDraft before, MappingDraft after) {
		this.yaml = new YamlSplice(previous);
		this.before = before;
		this.after = after;
	}

	/** The text, or {@code null} when the previous YAML is not laid out in blocks. */
	static String write(String previous, Node root, MappingDraft before, MappingDraft after) {
		if (!(root instanceof MappingNode map) || !YamlSplice.block(map)) {
			return null;
		}
		DraftSplice splice = new DraftSplice(previous, before, after);
		Map<String, YamlSplice.Entry> entries = splice.yaml.entries(map, 0);
		String body = splice.top(entries);
		int end = entries.values().stream().mapToInt(Entry::end).max().orElse(0);
		return YamlSplice.join(List.of(body, previous.substring(end)));
	}

	private String top(Map<String, Entry> entries) {
		Map<String, Object> wanted = DraftYaml.mapping(this.after,
				entries.containsKey("match") ? matchEntries(entries.get("match")).get("when") : null);
		Map<String, Object> was = new LinkedHashMap<>();
		was.put("id", this.before.id());
		was.put("name", this.before.name());
		was.put("destination", this.before.destination());
		was.put("enabled", this.before.enabled());
		was.put("match", List.of(this.before.pages(), this.before.forms(), this.before.platforms(),
				Objects.requireNonNullElse(this.before.when(), "")));
		was.put("fields", this.before.fields());
		Map<String, Object> is = new LinkedHashMap<>();
		is.put("id", this.after.id());
		is.put("name", this.after.name());
		is.put("destination", this.after.destination());
		is.put("enabled", this.after.enabled());
		is.put("match", List.of(this.after.pages(), this.after.forms(), this.after.platforms(),
				Objects.requireNonNullElse(this.after.when(), "")));
		is.put("fields", this.after.fields());
		List<String> pieces = new ArrayList<>();
		for (String key : order(entries, wanted.keySet(), TOP)) {
			Entry entry = entries.get(key);
			boolean same = Objects.equals(was.get(key), is.get(key));
			if (entry == null) {
				if (!same) {
					pieces.add(YamlEmitter.entry(key, wanted.get(key), 0));
				}
			}
			else if (same) {
				pieces.add(this.yaml.keep(entry));
			}
			else if (!wanted.containsKey(key)) {
				continue;
			}
			else if ("match".equals(key) && YamlSplice.block(entry.valueNode())) {
				pieces.add(this.yaml.nested(entry, match(entry)));
			}
			else if ("fields".equals(key) && YamlSplice.block(entry.valueNode()) && !this.after.fields().isEmpty()) {
				pieces.add(this.yaml.nested(entry, fields(entry)));
			}
			else {
				pieces.add(this.yaml.replace(entry, YamlEmitter.value(wanted.get(key), YamlSplice.indent(entry) + 2)));
			}
		}
		return YamlSplice.join(pieces);
	}

	private Map<String, Node> matchEntries(Entry match) {
		return (match.valueNode() instanceof MappingNode) ? DraftReader.entries(match.valueNode()) : Map.of();
	}

	private String match(Entry match) {
		Map<String, Entry> entries = this.yaml.entries((MappingNode) match.valueNode(), this.yaml.childStart(match));
		Node keptWhen = entries.containsKey("when") ? entries.get("when").valueNode() : null;
		Map<String, Object> wanted = DraftYaml.match(this.after, keptWhen);
		List<Object> was = List.of(this.before.pages(), this.before.forms(), this.before.platforms(),
				Objects.requireNonNullElse(this.before.when(), ""));
		List<Object> is = List.of(this.after.pages(), this.after.forms(), this.after.platforms(),
				Objects.requireNonNullElse(this.after.when(), ""));
		int indent = entries.values().iterator().next().keyNode().getStartMark().getColumn();
		List<String> pieces = new ArrayList<>();
		for (String key : order(entries, wanted.keySet(), MATCH)) {
			int index = MATCH.indexOf(key);
			boolean kept = "when".equals(key) && this.after.when() != null && !this.after.when().editable();
			pieces.add(piece(entries.get(key), key, wanted, indent, kept || was.get(index).equals(is.get(index))));
		}
		return YamlSplice.join(pieces);
	}

	private String fields(Entry fields) {
		Map<String, Entry> entries = this.yaml.entries((MappingNode) fields.valueNode(), this.yaml.childStart(fields));
		Map<String, FieldDraft> was = new LinkedHashMap<>();
		this.before.fields().forEach((field) -> was.put(field.target(), field));
		int indent = entries.values().iterator().next().keyNode().getStartMark().getColumn();
		List<String> pieces = new ArrayList<>();
		for (FieldDraft field : this.after.fields()) {
			Entry entry = entries.get(field.target());
			if (entry == null) {
				pieces.add(YamlEmitter.entry(field.target(), DraftYaml.field(field), indent));
			}
			else if (field.equals(was.get(field.target()))) {
				pieces.add(this.yaml.keep(entry));
			}
			else if (YamlSplice.block(entry.valueNode())) {
				pieces.add(this.yaml.nested(entry, field(entry, was.get(field.target()), field)));
			}
			else {
				pieces.add(this.yaml.replace(entry, YamlEmitter.value(DraftYaml.field(field), indent + 2)));
			}
		}
		return YamlSplice.join(pieces);
	}

	private String field(Entry definition, FieldDraft before, FieldDraft after) {
		Map<String, Entry> entries = this.yaml.entries((MappingNode) definition.valueNode(),
				this.yaml.childStart(definition));
		Map<String, Object> wanted = DraftYaml.field(after);
		int indent = entries.values().iterator().next().keyNode().getStartMark().getColumn();
		List<String> pieces = new ArrayList<>();
		for (String key : order(entries, wanted.keySet(), FIELD)) {
			boolean same = switch (key) {
				case "transforms" -> before.transforms().equals(after.transforms());
				case "required" -> before.required() == after.required();
				default -> before.sourceKind().equals(after.sourceKind()) && before.source().equals(after.source());
			};
			pieces.add(piece(entries.get(key), key, wanted, indent, same));
		}
		return YamlSplice.join(pieces);
	}

	/** One entry of a nested map: kept, rewritten, added or (when not wanted) dropped. */
	private String piece(Entry entry, String key, Map<String, Object> wanted, int indent, boolean same) {
		if (entry == null) {
			return YamlEmitter.entry(key, wanted.get(key), indent);
		}
		if (same) {
			return this.yaml.keep(entry);
		}
		if (!wanted.containsKey(key)) {
			return "";
		}
		return this.yaml.replace(entry, YamlEmitter.value(wanted.get(key), indent + 2));
	}

	/**
	 * The keys to write: the previous ones in their order, then each new key placed after
	 * the keys that come before it in the usual order.
	 */
	private static List<String> order(Map<String, Entry> entries, Iterable<String> wanted, List<String> usual) {
		List<String> keys = new ArrayList<>(entries.keySet());
		for (String key : wanted) {
			if (keys.contains(key)) {
				continue;
			}
			int rank = rank(usual, key);
			int at = 0;
			for (int i = 0; i < keys.size(); i++) {
				if (rank(usual, keys.get(i)) <= rank) {
					at = i + 1;
				}
			}
			keys.add(at, key);
		}
		return keys;
	}

	private static int rank(List<String> usual, String key) {
		int rank = usual.indexOf(key);
		return (rank >= 0) ? rank : (DraftReader.SOURCES.contains(key) ? 0 : usual.size());
	}

}
