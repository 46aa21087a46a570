package io.leadrelay.web;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Our style sheet is appended to by every page feature: a rule left open swallows every
 * rule after it without a word from the browser (it happened once, in a merge).
 */
class StyleSheetTests {

	@Test
	void everyRuleOfOurStyleSheetIsClosed() throws IOException {
		String css = Files.readString(Path.of("src/main/resources/static/css/leadrelay.css"))
			.replaceAll("(?s)/\\*.*?\\*/", "");
		int depth = 0;
		int line = 1;
		for (char character : css.toCharArray()) {
			if (character == '\n') {
				line++;
			}
			depth += (character == '{') ? 1 : (character == '}') ? -1 : 0;
			assertThat(depth).as("braces open at line %d", line).isBetween(0, 2);
		}
		assertThat(depth).as("rules left open at the end").isZero();
	}

}
