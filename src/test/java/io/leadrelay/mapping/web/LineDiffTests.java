package io.leadrelay.mapping.web;

import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import io.leadrelay.mapping.InvalidMappingException;
import io.leadrelay.mapping.MappingDrafts;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class LineDiffTests {

	@Test
	void marksAddedAndRemovedLinesAndKeepsTheRest() {
		List<LineDiff.Line> diff = LineDiff.of("a\nb\nc\nd\n", "a\nc\nx\nd\ne\n");
		assertThat(diff.stream().map((line) -> line.sign() + line.text()).toList()).containsExactly(" a", "-b", " c",
				"+x", " d", "+e");
		assertThat(diff.get(3)).isEqualTo(new LineDiff.Line('+', 0, 3, "x"));
		assertThat(diff.get(1)).isEqualTo(new LineDiff.Line('-', 2, 0, "b"));
	}

	@Test
	void sameTextsHaveNoChangeAndEmptyTextsWork() {
		assertThat(LineDiff.of("a\nb", "a\nb")).allMatch((line) -> line.kind() == ' ');
		assertThat(LineDiff.of("", "a").stream().map(LineDiff.Line::sign).toList()).containsExactly("+");
		assertThat(LineDiff.of("a", "").stream().map(LineDiff.Line::sign).toList()).containsExactly("-");
	}

	@Test
	void aMiddleTooLargeToCompareShowsAsRemovedThenAdded() {
		String before = IntStream.range(0, 2_100).mapToObj((i) -> "old " + i).collect(Collectors.joining("\n"));
		String after = IntStream.range(0, 2_100).mapToObj((i) -> "new " + i).collect(Collectors.joining("\n"));
		List<LineDiff.Line> diff = LineDiff.of("same\n" + before + "\nend", "same\n" + after + "\nend");
		assertThat(diff).hasSize(4_202);
		assertThat(diff.get(1).kind()).isEqualTo('-');
		assertThat(diff.get(2_101).kind()).isEqualTo('+');
		assertThat(diff.get(4_201).text()).isEqualTo("end");
	}

	@Test
	void aProblemReadsAsLineKeyAndMessage() {
		InvalidMappingException ex = catchThrowableOfType(InvalidMappingException.class,
				() -> new MappingDrafts().read("id: x\ndestination: d\nfields:\n  email: {answr: email}\n"));
		assertThat(YamlProblem.of(ex).text()).startsWith("line 4, fields.email.answr: unknown key 'answr'; expected");
		InvalidMappingException bad = catchThrowableOfType(InvalidMappingException.class,
				() -> new MappingDrafts().read("id: [x\n"));
		assertThat(YamlProblem.of(bad).text()).startsWith("line 2: not valid YAML");
	}

}
