package io.leadrelay.security.users;

import java.util.HashSet;
import java.util.Random;
import java.util.Set;

import io.leadrelay.security.PasswordPolicy;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class OneTimePasswordsTests {

	@Test
	void makesFourGroupsOfFiveUnambiguousCharacters() {
		OneTimePasswords passwords = new OneTimePasswords(new Random(42));
		for (int i = 0; i < 1000; i++) {
			assertThat(passwords.next()).matches("[a-z2-9]{5}(-[a-z2-9]{5}){3}").doesNotContainPattern("[01oli]");
		}
	}

	@Test
	void usesTheWholeAlphabet() {
		OneTimePasswords passwords = new OneTimePasswords(new Random(7));
		Set<Character> seen = new HashSet<>();
		for (int i = 0; i < 200; i++) {
			passwords.next().chars().filter((c) -> c != '-').forEach((c) -> seen.add((char) c));
		}
		assertThat(seen).hasSize(OneTimePasswords.ALPHABET.length());
	}

	@Test
	void makesPasswordsThePolicyAccepts() {
		String password = new OneTimePasswords().next();
		assertThat(new PasswordPolicy().refusal("mia", password)).isEmpty();
		assertThat(new OneTimePasswords().next()).isNotEqualTo(password);
	}

}
