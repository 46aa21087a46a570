package io.leadrelay.meta;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class FacebookIdsTests {

	@ParameterizedTest
	@ValueSource(strings = { "1", "0", "100200300400500", "12345678901234567890123456789012" })
	void acceptsOneToThirtyTwoDigits(String id) {
		assertThat(FacebookIds.isId(id)).isTrue();
		assertThat(FacebookIds.isPageId(id)).isTrue();
	}

	@ParameterizedTest
	@NullAndEmptySource
	@ValueSource(strings = { "123456789012345678901234567890123", "12a", "-1", "+1", " 1", "1 ", "1.0", "\u0661\u0662",
			"1\n" })
	void rejectsAnythingButOneToThirtyTwoDigits(String id) {
		assertThat(FacebookIds.isId(id)).isFalse();
		assertThat(FacebookIds.isPageId(id)).isFalse();
	}

}
