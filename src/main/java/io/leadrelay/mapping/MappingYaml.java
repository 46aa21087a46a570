package io.leadrelay.mapping;

import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.representer.Representer;

/**
 * Keeps every stored definition as YAML: a definition sent as JSON (or as one flow-style
 * map) is written out as block YAML; any other text is kept as it is, comments included.
 */
final class MappingYaml {

	private MappingYaml() {
	}

	/** The text to store for a definition that {@link Mappings#parse} accepted. */
	static String normalize(String definition) {
		if (!definition.stripLeading().startsWith("{")) {
			return definition;
		}
		DumperOptions options = new DumperOptions();
		options.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
		options.setIndent(2);
		options.setIndicatorIndent(2);
		options.setIndentWithIndicator(true);
		options.setWidth(120);
		options.setSplitLines(false);
		Object plain = new Yaml(new SafeConstructor(new LoaderOptions())).load(definition);
		return new Yaml(new SafeConstructor(new LoaderOptions()), new Representer(options), options).dump(plain);
	}

}
