package io.leadrelay.mapping;

import org.springframework.stereotype.Component;

/**
 * Turns mapping YAML into the visual editor's {@link MappingDraft} and a draft back into
 * YAML, keeping the YAML's comments and the order of what the draft did not change.
 */
@Component
public class MappingDrafts {

	/**
	 * The draft of a mapping definition.
	 * @throws InvalidMappingException naming the line and key of the first mistake
	 */
	public MappingDraft read(String yaml) {
		throw new UnsupportedOperationException("not built yet (feature/mapping-yaml)");
	}

	/**
	 * The draft as YAML. Given the YAML it was read from, the result keeps that YAML's
	 * comments and layout wherever the draft left it unchanged, and is that YAML exactly
	 * when nothing changed.
	 * @param previous the YAML the draft was read from, {@code null} for a new mapping
	 */
	public String write(MappingDraft draft, String previous) {
		throw new UnsupportedOperationException("not built yet (feature/mapping-yaml)");
	}

}
