package io.leadrelay.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Folders for settings that must name an existing folder, such as a mapping folder
 * without mapping files.
 */
public final class TemporaryFolders {

	private TemporaryFolders() {
	}

	/**
	 * A new folder holding one file, as a setting's value: such as a mapping folder with
	 * one mapping.
	 */
	public static String withFile(String prefix, String fileName, String content) {
		try {
			Path folder = Files.createTempDirectory(prefix);
			Files.writeString(folder.resolve(fileName), content);
			return folder.toString();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
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
