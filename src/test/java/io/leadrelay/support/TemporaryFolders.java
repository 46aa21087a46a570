package io.leadrelay.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;

/**
 * Folders for settings that must name an existing folder, such as a mapping folder
 * without mapping files.
 */
public final class TemporaryFolders {

	private TemporaryFolders() {
	}

	/** A new empty folder, as a setting's value. */
	public static String empty(String prefix) {
		try {
			return Files.createTempDirectory(prefix).toString();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
