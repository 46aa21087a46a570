package io.leadrelay.store;

import java.nio.file.Path;

import io.leadrelay.LeadRelayApplication;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatException;

/**
 * A store that cannot start stops the engine with a sentence, not a stack trace.
 */
@ExtendWith(OutputCaptureExtension.class)
class EmbeddedStoreStartupTests {

	@Test
	void refusesToStartOnAFolderAnotherEngineUses(@TempDir Path folder, CapturedOutput output) throws Exception {
		try (DataDirectoryLock otherEngine = DataDirectoryLock.acquire(folder)) {
			assertThatException().isThrownBy(() -> new SpringApplicationBuilder(LeadRelayApplication.class)
				.run("--server.port=0", "--leadrelay.store.directory=" + folder));
		}
		assertThat(output).contains("APPLICATION FAILED TO START")
			.contains("Another LeadRelay engine is using the data folder " + folder)
			.contains("give this one its own folder with leadrelay.store.directory")
			.doesNotContain("\tat io.leadrelay");
	}

}
