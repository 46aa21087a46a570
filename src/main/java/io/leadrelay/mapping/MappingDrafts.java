package io.leadrelay.mapping;

import java.io.StringReader;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.nodes.Node;

import org.springframework.stereotype.Component;

/**
 * Turns mapping YAML into the visual editor's {@link MappingDraft} and a draft back into
 * YAML, keeping the YAML's comments and the order of what the draft did not change.
 */
@Component
public class MappingDrafts {

	private final MappingParser parser = new MappingParser();

	/**
	 * The draft of a mapping definition.
	 * @throws InvalidMappingException naming the line and key of the first mistake
	 */
	public MappingDraft read(String yaml) {
		check(yaml);
		return DraftReader.read(compose(yaml));
	}

	/**
	 * The draft as YAML. Given the YAML it was read from, the result keeps that YAML's
	 * comments and layout wherever the draft left it unchanged, and is that YAML exactly
	 * when nothing changed.
	 * @param previous the YAML the draft was read from, {@code null} for a new mapping
	 * @throws InvalidMappingException when the draft does not make a valid mapping (such
	 * as two rows for one CRM field), naming the line and key
	 * @throws IllegalArgumentException for a condition the builder cannot show and no
	 * previous YAML to take it from
	 */
	public String write(MappingDraft draft, String previous) {
		MappingDraft before = readable(previous);
		if (before != null && before.equals(draft)) {
			return previous;
		}
		Node root = (before != null) ? compose(previous) : null;
		String yaml = (root != null) ? DraftSplice.write(previous, root, before, draft) : null;
		if (yaml == null) {
			Node keptWhen = (root != null) ? keptWhen(root) : null;
			yaml = YamlEmitter.value(DraftYaml.mapping(draft, keptWhen), 0).text();
		}
		check(yaml);
		return yaml;
	}

	private MappingDraft readable(String previous) {
		if (previous == null) {
			return null;
		}
		try {
			return read(previous);
		}
		catch (InvalidMappingException ex) {
			return null;
		}
	}

	private static Node keptWhen(Node root) {
		Node match = DraftReader.entries(root).get("match");
		return (match != null) ? DraftReader.entries(match).get("when") : null;
	}

	private void check(String yaml) {
		if (yaml.length() > Mappings.MAX_DEFINITION_LENGTH) {
			throw new InvalidMappingException(Mappings.REQUEST, "$",
					"a definition has at most " + Mappings.MAX_DEFINITION_LENGTH + " characters");
		}
		this.parser.parse(yaml, "the mapping", 0);
	}

	private static Node compose(String yaml) {
		return new Yaml(new SafeConstructor(new LoaderOptions())).compose(new StringReader(yaml));
	}

}
