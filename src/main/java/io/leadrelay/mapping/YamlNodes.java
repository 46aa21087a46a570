package io.leadrelay.mapping;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * Reads a SnakeYAML node tree while keeping track of where each node stands, so that
 * every complaint names the file, the line and the key.
 */
final class YamlNodes {

	private final String source;

	YamlNodes(String source) {
		this.source = source;
	}

	InvalidMappingException error(Node node, String path, String message) {
		return new InvalidMappingException(this.source, node.getStartMark().getLine() + 1, path, message);
	}

	/** The entries of a map node, refusing keys not allowed and keys given twice. */
	Map<String, Node> map(Node node, String path, Set<String> allowed) {
		if (!(node instanceof MappingNode mapping)) {
			throw error(node, path, "expected a map of keys" + (allowed.isEmpty() ? "" : " " + sorted(allowed)));
		}
		Map<String, Node> entries = new LinkedHashMap<>();
		for (NodeTuple tuple : mapping.getValue()) {
			String key = scalar(tuple.getKeyNode(), path);
			String keyPath = join(path, key);
			if (!allowed.isEmpty() && !allowed.contains(key)) {
				throw error(tuple.getKeyNode(), keyPath,
						"unknown key '" + key + "'; expected one of " + sorted(allowed));
			}
			if (entries.put(key, tuple.getValueNode()) != null) {
				throw error(tuple.getKeyNode(), keyPath, "the key '" + key + "' is given twice");
			}
		}
		return entries;
	}

	List<Node> list(Node node, String path) {
		if (!(node instanceof SequenceNode sequence)) {
			throw error(node, path, "expected a list");
		}
		return sequence.getValue();
	}

	String scalar(Node node, String path) {
		if (!(node instanceof ScalarNode scalar)) {
			throw error(node, path, "expected a single value");
		}
		return scalar.getValue();
	}

	List<String> scalars(Node node, String path) {
		List<String> values = new ArrayList<>();
		List<Node> items = list(node, path);
		for (int i = 0; i < items.size(); i++) {
			values.add(scalar(items.get(i), path + "[" + i + "]"));
		}
		return values;
	}

	boolean bool(Node node, String path) {
		String value = scalar(node, path);
		if (!"true".equals(value) && !"false".equals(value)) {
			throw error(node, path, "expected true or false");
		}
		return Boolean.parseBoolean(value);
	}

	static String join(String path, String key) {
		return path.isEmpty() ? key : path + "." + key;
	}

	private static List<String> sorted(Set<String> keys) {
		return keys.stream().sorted().toList();
	}

}
