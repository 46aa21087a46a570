package io.leadrelay.security.users;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class UsernamesTests {

	@ParameterizedTest
	@ValueSource(strings = { "admin", "mia", "mia.smith@example.com", "ops_2", "a-b" })
	void acceptsLowerCaseNamesWithoutSpaces(String username) {
		assertThat(Usernames.check(username)).isEqualTo(username);
	}

	@ParameterizedTest
	@ValueSource(strings = { "", "mi", "Mia", "mia smith", "-mia", ".mia", "mia/x", "ünal",
			"a1234567890123456789012345678901234567890123456789012345678901234" })
	void rejectsOtherNamesNamingTheField(String username) {
		assertThatExceptionOfType(InvalidUserException.class).isThrownBy(() -> Usernames.check(username))
			.withMessageStartingWith("username must be 3 to 64 characters")
			.extracting(InvalidUserException::field)
			.isEqualTo("username");
	}

}
