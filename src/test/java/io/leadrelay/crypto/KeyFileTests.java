package io.leadrelay.crypto;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;

import io.leadrelay.config.InvalidSetupException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The file that keeps the generated key: created whole and private, read back the same,
 * and refused with its name when it holds no usable key.
 */
class KeyFileTests {

	@TempDir
	Path directory;

	@Test
	void createsAFileOnlyItsOwnerMayReadOrWrite() throws Exception {
		KeyFile file = new KeyFile(this.directory.resolve("data/encryption.key"));
		file.create();
		assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file.path()))).isEqualTo("rw-------");
		assertThat(file.openToOthers()).isFalse();
		assertThat(this.directory.resolve("data")).isDirectoryNotContaining("glob:**.partial");
	}

	@Test
	void readsBackTheKeyItGenerated() {
		KeyFile file = new KeyFile(this.directory.resolve("encryption.key"));
		String key = file.create();
		assertThat(Base64.getDecoder().decode(key)).hasSize(32);
		assertThat(new KeyFile(this.directory.resolve("encryption.key")).read()).isEqualTo(key);
		assertThat(new KeyFile(this.directory.resolve("other.key")).create()).isNotEqualTo(key);
	}

	@Test
	void neverReplacesAnExistingFile() throws Exception {
		Path path = Files.writeString(this.directory.resolve("encryption.key"), "kept");
		assertThatExceptionOfType(InvalidSetupException.class).isThrownBy(() -> new KeyFile(path).create())
			.withMessageStartingWith("The encryption key file " + path + " could not be created");
		assertThat(path).hasContent("kept");
	}

	@Test
	void refusesAFileThatIsNotBase64NamingIt() throws Exception {
		Path path = Files.writeString(this.directory.resolve("encryption.key"), "not a key!");
		assertThatExceptionOfType(InvalidSetupException.class).isThrownBy(() -> new KeyFile(path).read())
			.withMessage("The encryption key file " + path + " does not hold a key in base64");
	}

	@Test
	void refusesAKeyOfTheWrongLengthNamingIt() throws Exception {
		Path path = Files.writeString(this.directory.resolve("encryption.key"),
				Base64.getEncoder().encodeToString(new byte[16]));
		assertThatExceptionOfType(InvalidSetupException.class).isThrownBy(() -> new KeyFile(path).read())
			.withMessage("The encryption key file " + path + " holds 16 bytes, not a 32-byte (256-bit) key in base64");
	}

	@Test
	void refusesAFileItCannotReadNamingIt() throws Exception {
		Path path = Files.createDirectories(this.directory.resolve("encryption.key"));
		assertThatExceptionOfType(InvalidSetupException.class).isThrownBy(() -> new KeyFile(path).read())
			.withMessageStartingWith("The encryption key file " + path + " cannot be read");
	}

	@Test
	void noticesAFileOthersMayRead() throws Exception {
		KeyFile file = new KeyFile(this.directory.resolve("encryption.key"));
		file.create();
		Files.setPosixFilePermissions(file.path(), PosixFilePermissions.fromString("rw-r--r--"));
		assertThat(file.openToOthers()).isTrue();
	}

}
