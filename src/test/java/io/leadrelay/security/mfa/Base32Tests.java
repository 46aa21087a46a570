package io.leadrelay.security.mfa;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class Base32Tests {

	@ParameterizedTest
	@CsvSource({ "f, MY", "fo, MZXQ", "foo, MZXW6", "foob, MZXW6YQ", "fooba, MZXW6YTB", "foobar, MZXW6YTBOI" })
	void encodesAndDecodesTheVectorsOfRfc4648(String text, String encoded) {
		assertThat(Base32.encode(text.getBytes(StandardCharsets.US_ASCII))).isEqualTo(encoded);
		assertThat(Base32.decode(encoded)).asString(StandardCharsets.US_ASCII).isEqualTo(text);
	}

	@Test
	void decodesWhatAPersonTypes() {
		assertThat(Base32.decode("mzxw 6ytb oi==")).asString(StandardCharsets.US_ASCII).isEqualTo("foobar");
	}

	@Test
	void rejectsCharactersOutsideTheAlphabet() {
		assertThatIllegalArgumentException().isThrownBy(() -> Base32.decode("MZXW1"))
			.withMessage("'1' is not a base 32 character (A-Z, 2-7)");
	}

}
