package io.leadrelay.mapping;

/**
 * A mapping definition that cannot be used, with where: the file, the line and the key.
 */
public class MappingFileException extends RuntimeException {

	private final String path;

	public MappingFileException(String source, int line, String path, String message) {
		super(source + ", line " + line + ": " + message + ((path.isEmpty()) ? "" : " (at " + path + ")"));
		this.path = path;
	}

	/** The offending key, such as {@code fields.email.transforms[1]}. */
	public String path() {
		return this.path;
	}

}
