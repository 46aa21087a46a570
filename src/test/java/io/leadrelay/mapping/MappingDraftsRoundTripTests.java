package io.leadrelay.mapping;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import io.leadrelay.mapping.MappingDraft.FieldDraft;
import io.leadrelay.mapping.MappingDraft.TransformDraft;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every mapping file we ship or test with, read and written back, as it is and with each
 * row changed in turn.
 */
class MappingDraftsRoundTripTests {

	private final MappingDrafts drafts = new MappingDrafts();

	static Stream<Path> files() throws IOException {
		List<Path> files = new ArrayList<>();
		for (Path folder : List.of(Path.of("mappings"), Path.of("src/test/resources"))) {
			try (Stream<Path> walk = Files.walk(folder)) {
				walk.filter((path) -> path.toString().endsWith(".yaml") || path.toString().endsWith(".yml"))
					.filter(MappingDraftsRoundTripTests::isMapping)
					.forEach(files::add);
			}
		}
		assertThat(files).hasSizeGreaterThanOrEqualTo(4);
		return files.stream().sorted();
	}

	private static boolean isMapping(Path path) {
		try {
			new MappingParser().parse(Files.readString(path), path.toString(), 0);
			return true;
		}
		catch (InvalidMappingException ex) {
			return false;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	@ParameterizedTest
	@MethodSource("files")
	void aFileReadAndWrittenBackIsTheSameText(Path file) throws IOException {
		String yaml = Files.readString(file);
		MappingDraft draft = this.drafts.read(yaml);
		assertThat(this.drafts.write(draft, yaml)).isEqualTo(yaml);
		if (draft.when() == null || draft.when().editable()) {
			assertThat(this.drafts.read(this.drafts.write(draft, null))).isEqualTo(draft);
		}
	}

	@ParameterizedTest
	@MethodSource("files")
	void changingAnyOneRowKeepsEveryOtherRowsText(Path file) throws IOException {
		String yaml = Files.readString(file);
		MappingDraft draft = this.drafts.read(yaml);
		List<String> rows = rowTexts(yaml);
		for (int i = 0; i < draft.fields().size(); i++) {
			FieldDraft row = draft.fields().get(i);
			List<TransformDraft> transforms = new ArrayList<>(row.transforms());
			transforms.add(TransformDraft.of("trim", null));
			for (FieldDraft changed : List.of(
					new FieldDraft(row.target(), row.sourceKind(), row.source(), row.transforms(), !row.required()),
					new FieldDraft(row.target(), row.sourceKind(), row.source(), transforms, row.required()),
					new FieldDraft(row.target(), "constant", "changed value", List.of(), row.required()))) {
				MappingDraft edited = MappingDraftsTests.withField(draft, i, changed);
				String written = this.drafts.write(edited, yaml);
				assertThat(this.drafts.read(written)).isEqualTo(edited);
				for (int j = 0; j < rows.size(); j++) {
					if (j != i) {
						assertThat(written).contains(rows.get(j));
					}
				}
				String own = rows.isEmpty() ? "" : rows.get(changedRow(rows, row));
				assertThat(comments(written))
					.containsAll(comments(yaml).stream().filter((comment) -> !own.contains(comment)).toList());
			}
			List<FieldDraft> fewer = new ArrayList<>(draft.fields());
			fewer.remove(i);
			MappingDraft removed = MappingDraftsTests.withFields(draft, fewer);
			assertThat(this.drafts.read(this.drafts.write(removed, yaml))).isEqualTo(removed);
		}
	}

	private static int changedRow(List<String> rows, FieldDraft row) {
		for (int j = 0; j < rows.size(); j++) {
			if (rows.get(j).stripLeading().startsWith(row.target() + ":")
					|| rows.get(j).contains("\n  " + row.target() + ":")) {
				return j;
			}
		}
		return 0;
	}

	/** The text of each row under {@code fields}, with the comments above it. */
	private static List<String> rowTexts(String yaml) {
		YamlSplice splice = new YamlSplice(yaml);
		Node root = new Yaml(new SafeConstructor(new LoaderOptions())).compose(new StringReader(yaml));
		YamlSplice.Entry fields = splice.entries((MappingNode) root, 0).get("fields");
		if (!YamlSplice.block(fields.valueNode())) {
			return List.of();
		}
		return splice.entries((MappingNode) fields.valueNode(), splice.childStart(fields))
			.values()
			.stream()
			.map(splice::keep)
			.toList();
	}

	private static List<String> comments(String yaml) {
		return yaml.lines()
			.filter((line) -> line.contains("#"))
			.map((line) -> line.substring(line.indexOf('#')))
			.toList();
	}

}
