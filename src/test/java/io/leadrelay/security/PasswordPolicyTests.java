package io.leadrelay.security;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatNoException;

class PasswordPolicyTests {

	private final PasswordPolicy policy = new PasswordPolicy();

	@Test
	void acceptsALongUncommonPassword() {
		assertThat(this.policy.refusal("alice", "correct horse battery staple")).isEmpty();
		assertThatNoException().isThrownBy(() -> this.policy.check("alice", "correct horse battery staple"));
	}

	@Test
	void refusesAnEmptyPassword() {
		assertThat(this.policy.refusal("alice", "")).contains("must not be empty");
		assertThat(this.policy.refusal("alice", null)).contains("must not be empty");
	}

	@Test
	void refusesAPasswordShorterThanTwelveCharacters() {
		assertThat(this.policy.refusal("alice", "k7#Qp2!vXz9")).contains("must be at least 12 characters long");
		assertThat(this.policy.refusal("alice", "k7#Qp2!vXz9m")).isEmpty();
	}

	@Test
	void countsCharactersNotUtf16Units() {
		// Eleven emoji are 22 UTF-16 units, but eleven characters.
		assertThat(this.policy.refusal("alice", "\uD83D\uDD11".repeat(11)))
			.contains("must be at least 12 characters long");
	}

	@Test
	void refusesAPasswordLongerThanBcryptReads() {
		assertThat(this.policy.refusal("alice", "x7".repeat(36))).isEmpty();
		assertThat(this.policy.refusal("alice", "x7".repeat(36) + "q").orElseThrow())
			.startsWith("must be at most 72 characters long");
		assertThat(this.policy.refusal("alice", "é".repeat(37)).orElseThrow())
			.startsWith("must be at most 72 characters long");
	}

	@Test
	void refusesTheUserNameIgnoringCase() {
		assertThat(this.policy.refusal("Marketing.Team", "marketing.team")).contains("must not be the user name");
	}

	@Test
	void refusesACommonPasswordIgnoringCase() {
		assertThat(this.policy.refusal("alice", "qwerty123456"))
			.contains("is one of the most common passwords; choose another");
		assertThat(this.policy.refusal("alice", "1Q2W3E4R5T6Y"))
			.contains("is one of the most common passwords; choose another");
	}

	@Test
	void readsTheWholeListButNotItsComments() {
		// The last entry of the list, and a word of its header comment.
		assertThat(this.policy.refusal("alice", "193570356033")).isPresent();
		assertThat(PasswordPolicy.load(PasswordPolicy.COMMON_PASSWORDS)).hasSize(308)
			.noneMatch((entry) -> entry.startsWith("#"));
	}

	@Test
	void checkSaysWhyInOneSentence() {
		assertThatExceptionOfType(WeakPasswordException.class).isThrownBy(() -> this.policy.check("alice", "short"))
			.withMessage("The password must be at least 12 characters long");
	}

}
