package io.leadrelay.config;

import java.nio.file.Path;

/**
 * The engine cannot start with what it finds around it: a configured folder that is not
 * there, a key file it cannot use. Reported at start-up as one line saying what is wrong
 * and naming the key or file, and one line saying what to do, without a stack trace
 * ({@link InvalidSetupFailureAnalyzer}).
 */
public class InvalidSetupException extends RuntimeException {

	private final String action;

	public InvalidSetupException(String description, String action) {
		super(description);
		this.action = action;
	}

	public InvalidSetupException(String description, String action, Throwable cause) {
		super(description, cause);
		this.action = action;
	}

	/**
	 * A folder named by a setting does not exist.
	 * @param key the setting, such as {@code leadrelay.mapping.directory}
	 * @param folder the folder it names
	 * @param otherwise what happens when the setting is left out
	 */
	public static InvalidSetupException missingFolder(String key, Path folder, String otherwise) {
		return new InvalidSetupException(
				key + " names the folder " + folder.toAbsolutePath().normalize() + ", which does not exist",
				"Create the folder, or correct " + key + "; without it, " + otherwise + ".");
	}

	/** What to do about it, one line. */
	public String action() {
		return this.action;
	}

}
