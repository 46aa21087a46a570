package io.leadrelay.mapping;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import io.leadrelay.LeadRelayApplication;
import io.leadrelay.config.InvalidSetupException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatException;

/**
 * Mapping files that would send two enabled mappings to one destination stop the start in
 * one line naming both files, rather than let the first one win without a word.
 */
@ExtendWith(OutputCaptureExtension.class)
class MappingFilesStartupTests {

	static final String CONTACTS = """
			id: %s
			destination: hubspot-main
			match:
			  forms: ["%s"]
			fields:
			  email: {answer: email}
			""";

	@TempDir
	Path mappings;

	@Test
	void refusesToStartWithTwoEnabledMappingFilesForOneDestinationNamingBoth(CapturedOutput output) throws IOException {
		Files.writeString(this.mappings.resolve("contacts.yaml"), CONTACTS.formatted("contacts", "700000000000011"));
		Files.writeString(this.mappings.resolve("callbacks.yaml"), CONTACTS.formatted("callbacks", "700000000000022"));

		assertThatException()
			.isThrownBy(() -> new SpringApplicationBuilder(LeadRelayApplication.class)
				.run("--server.port=0", "--spring.datasource.url=jdbc:h2:mem:mapping-files-" + System.nanoTime(),
						"--leadrelay.security.bootstrap-admin-password=mapping-test-password",
						"--leadrelay.mapping.directory=" + this.mappings)
				.close())
			.withRootCauseInstanceOf(InvalidSetupException.class);
		assertThat(output)
			.contains("APPLICATION FAILED TO START",
					"The mapping file " + this.mappings.resolve("contacts.yaml")
							+ " sends to the destination 'hubspot-main', and so does "
							+ this.mappings.resolve("callbacks.yaml") + ": a destination takes one enabled mapping\n",
					"Set enabled: false in one of them, or merge them into one mapping.")
			.doesNotContain("\tat ");
	}

}
