package io.leadrelay.mapping;

/**
 * A mapping definition that cannot be used, with where: the file (or request), the line
 * and the key.
 */
public class InvalidMappingException extends RuntimeException {

	private final int line;

	private final String path;

	public InvalidMappingException(String source, int line, String path, String message) {
		super(source + ", line " + line + ": " + message + ((path.isEmpty()) ? "" : " (at " + path + ")"));
		this.line = line;
		this.path = path;
	}

	/** A problem with the definition as a whole, not with one of its lines. */
	public InvalidMappingException(String source, String path, String message) {
		super(source + ": " + message + " (at " + path + ")");
		this.line = 0;
		this.path = path;
	}

	/**
	 * A definition that is well formed but cannot be saved, such as for its destination.
	 */
	public InvalidMappingException(String path, String message) {
		super(message);
		this.line = 0;
		this.path = path;
	}

	/** The line of the definition the problem is on, from 1; 0 when it is on none. */
	public int line() {
		return this.line;
	}

	/** The offending key, such as {@code fields.email.transforms[1]}. */
	public String path() {
		return this.path;
	}

}
