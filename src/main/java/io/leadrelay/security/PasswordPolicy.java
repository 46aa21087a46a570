package io.leadrelay.security;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import org.springframework.stereotype.Component;

/**
 * What a password must be, for every way one is set (the bootstrap admin, a new user, a
 * reset, a change): {@value #MIN_LENGTH} to {@value #MAX_LENGTH} characters, not one of
 * the most common passwords (the list {@code common-passwords.txt} beside this class,
 * compared ignoring case), and not the user name. Length is the rule that matters (NIST
 * SP 800-63B); no rules about digits or symbols, which make passwords harder to remember
 * and no harder to guess.
 */
@Component
public class PasswordPolicy {

	/** The fewest characters a password may have. */
	public static final int MIN_LENGTH = 12;

	/**
	 * The most bytes (UTF-8) a password may have: bcrypt reads no more, and Spring
	 * Security's encoder refuses a longer one rather than ignore the rest.
	 */
	public static final int MAX_BYTES = 72;

	static final String COMMON_PASSWORDS = "common-passwords.txt";

	private final Set<String> common;

	public PasswordPolicy() {
		this.common = load(COMMON_PASSWORDS);
	}

	/**
	 * Why the password is refused for that user, in words to show beside the field ("must
	 * be at least 12 characters long"), or empty when it is fine.
	 * @param username the user the password is for
	 * @param password the password asked for
	 * @return the refusal, completing the sentence "The password ..."
	 */
	public Optional<String> refusal(String username, String password) {
		if (password == null || password.isEmpty()) {
			return Optional.of("must not be empty");
		}
		int length = password.codePointCount(0, password.length());
		if (length < MIN_LENGTH) {
			return Optional.of("must be at least " + MIN_LENGTH + " characters long");
		}
		if (password.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
			return Optional.of("must be at most " + MAX_BYTES
					+ " characters long (fewer with accented letters or emoji, which take more room)");
		}
		String folded = password.toLowerCase(Locale.ROOT);
		if (username != null && folded.equals(username.toLowerCase(Locale.ROOT))) {
			return Optional.of("must not be the user name");
		}
		if (this.common.contains(folded)) {
			return Optional.of("is one of the most common passwords; choose another");
		}
		return Optional.empty();
	}

	/**
	 * Refuses a password the policy does not allow.
	 * @param username the user the password is for
	 * @param password the password asked for
	 * @throws WeakPasswordException saying why, when the password is refused
	 */
	public void check(String username, String password) {
		refusal(username, password).ifPresent((reason) -> {
			throw new WeakPasswordException("The password " + reason);
		});
	}

	static Set<String> load(String name) {
		Set<String> passwords = new HashSet<>();
		try (InputStream in = PasswordPolicy.class.getResourceAsStream(name)) {
			if (in == null) {
				throw new IllegalStateException("The list of common passwords " + name + " is missing");
			}
			BufferedReader lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
			for (String line = lines.readLine(); line != null; line = lines.readLine()) {
				String password = line.strip();
				if (!password.isEmpty() && !password.startsWith("#")) {
					passwords.add(password.toLowerCase(Locale.ROOT));
				}
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not read the list of common passwords " + name, ex);
		}
		return Set.copyOf(passwords);
	}

}
