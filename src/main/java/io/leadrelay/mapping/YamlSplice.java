package io.leadrelay.mapping;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.nodes.CollectionNode;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * Edits YAML text in place, one map entry at a time: an entry's text runs from the
 * comment lines above it to the end of its last line (trailing comment included), so
 * entries can be kept byte for byte, replaced, dropped, added or moved with their
 * comments.
 */
final class YamlSplice {

	private final String text;

	private final List<Integer> lineStarts = new ArrayList<>();

	YamlSplice(String text) {
		this.text = text;
		this.lineStarts.add(0);
		for (int i = 0; i < text.length(); i++) {
			if (text.charAt(i) == '\n') {
				this.lineStarts.add(i + 1);
			}
		}
	}

	/**
	 * One entry of a block map.
	 *
	 * @param start where its text starts: the first comment or blank line above its key
	 * @param end just after the line break of its last line
	 */
	record Entry(String key, Node keyNode, Node valueNode, int start, int end) {
	}

	String text() {
		return this.text;
	}

	static boolean block(Node node) {
		return node instanceof CollectionNode<?> collection
				&& collection.getFlowStyle() == DumperOptions.FlowStyle.BLOCK;
	}

	/** The entries of a block map whose own text starts at {@code regionStart}. */
	Map<String, Entry> entries(MappingNode map, int regionStart) {
		Map<String, Entry> entries = new LinkedHashMap<>();
		int start = regionStart;
		for (NodeTuple tuple : map.getValue()) {
			int end = lineEnd(contentEnd(tuple.getValueNode()));
			entries.put(DraftReader.value(tuple.getKeyNode()), new Entry(DraftReader.value(tuple.getKeyNode()),
					tuple.getKeyNode(), tuple.getValueNode(), start, end));
			start = end;
		}
		return entries;
	}

	/** Where the entries of an entry's block map value start: the line after its key. */
	int childStart(Entry entry) {
		return lineEnd(offset(entry.keyNode().getEndMark()));
	}

	/** The column of an entry's key. */
	static int indent(Entry entry) {
		return entry.keyNode().getStartMark().getColumn();
	}

	String keep(Entry entry) {
		return this.text.substring(entry.start(), entry.end());
	}

	/** The entry with a block map value whose lines are now {@code body}. */
	String nested(Entry entry, String body) {
		return this.text.substring(entry.start(), childStart(entry)) + body;
	}

	/**
	 * The entry with a new value, keeping the comments above it and the trailing comment
	 * of its key's line.
	 */
	String replace(Entry entry, YamlEmitter.Value value) {
		int keyEnd = offset(entry.keyNode().getEndMark());
		Node old = entry.valueNode();
		if (!block(old)) {
			int valueStart = offset(old.getStartMark());
			int valueEnd = contentEnd(old);
			if (!value.block()) {
				return this.text.substring(entry.start(), valueStart) + value.text()
						+ this.text.substring(valueEnd, entry.end()) + (entry.end() == valueEnd ? "\n" : "");
			}
			return this.text.substring(entry.start(), keyEnd) + ":" + comment(valueEnd) + "\n" + value.text();
		}
		if (!value.block()) {
			return this.text.substring(entry.start(), keyEnd) + ": " + value.text() + comment(keyEnd + 1) + "\n";
		}
		return this.text.substring(entry.start(), childStart(entry)) + value.text();
	}

	/** The trailing comment of the line at {@code from}, with its spacing, or nothing. */
	private String comment(int from) {
		int end = lineEnd(from);
		String rest = this.text.substring(Math.min(from, end), end).stripTrailing();
		return rest.strip().startsWith("#") ? rest : "";
	}

	/** Where a node's own text ends (for a block collection: its last value's). */
	int contentEnd(Node node) {
		if (node instanceof MappingNode map && block(map)) {
			List<NodeTuple> tuples = map.getValue();
			return contentEnd(tuples.get(tuples.size() - 1).getValueNode());
		}
		if (node instanceof SequenceNode sequence && block(sequence)) {
			List<Node> items = sequence.getValue();
			return contentEnd(items.get(items.size() - 1));
		}
		return offset(node.getEndMark());
	}

	int offset(Mark mark) {
		int lineStart = this.lineStarts.get(Math.min(mark.getLine(), this.lineStarts.size() - 1));
		return this.text.offsetByCodePoints(lineStart, mark.getColumn());
	}

	/**
	 * Just after the line break of the line {@code offset} is on (the end of the text).
	 */
	private int lineEnd(int offset) {
		if (offset > 0 && this.text.charAt(offset - 1) == '\n') {
			return offset;
		}
		int next = this.text.indexOf('\n', offset);
		return (next < 0) ? this.text.length() : next + 1;
	}

	/** Pieces of text joined so that each starts on a line of its own. */
	static String join(List<String> pieces) {
		StringBuilder out = new StringBuilder();
		for (String piece : pieces) {
			if (piece.isEmpty()) {
				continue;
			}
			if (out.length() > 0 && out.charAt(out.length() - 1) != '\n') {
				out.append('\n');
			}
			out.append(piece);
		}
		return out.toString();
	}

}
