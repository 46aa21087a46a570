package io.leadrelay.mapping;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import io.leadrelay.config.InvalidSetupException;
import io.leadrelay.destination.Destinations;
import io.leadrelay.destination.NewDestination;
import io.leadrelay.support.LeadRelayIntegrationTest;
import io.leadrelay.support.TableCleaner;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.tuple;

/**
 * How mapping files and versions saved through the API live together: a file becomes a
 * version when it is new or has changed, and an API change is kept until its file
 * changes.
 */
@LeadRelayIntegrationTest
class MappingFilesIntegrationTests {

	static final String CONTACTS = """
			id: contacts
			destination: hubspot-main
			fields:
			  email: {answer: email}
			""";

	@TempDir
	Path directory;

	@Autowired
	MappingVersions versions;

	@Autowired
	Mappings mappings;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	Destinations destinations;

	MappingFiles files;

	@BeforeEach
	void empty() {
		TableCleaner.deleteAll(this.jdbc);
		this.destinations.create(new NewDestination("hubspot-main", "HubSpot", "route",
				Map.of("endpointUri", "direct:leads-to-files"), Map.of(), true), "admin");
		this.files = new MappingFiles(new MappingProperties(this.directory), this.versions);
	}

	@Test
	void savesANewOrChangedFileAsAVersionAndKeepsApiChangesWhileTheFileIsUnchanged() throws IOException {
		Files.writeString(this.directory.resolve("contacts.yaml"), CONTACTS);
		assertThat(this.files.load()).isEqualTo(1);
		assertThat(this.mappings.current("contacts").createdBy()).isEqualTo("file:contacts.yaml");
		assertThat(this.files.load()).isZero();

		String edited = CONTACTS + "  phone: {answer: phone_number}\n";
		this.mappings.update("contacts", edited, "mia");
		assertThat(this.files.load()).isZero();
		assertThat(this.mappings.current("contacts").definition()).isEqualTo(edited);

		Files.writeString(this.directory.resolve("contacts.yaml"), CONTACTS.replace("email}", "work_email}"));
		assertThat(this.files.load()).isEqualTo(1);
		StoredMapping current = this.mappings.current("contacts");
		assertThat(current.version()).isEqualTo(3);
		assertThat(current.definition()).contains("work_email");
		assertThat(this.jdbc.queryForList(
				"SELECT actor || ' ' || action || ' ' || details FROM audit_event WHERE subject_type = 'mapping' ORDER BY id",
				String.class))
			.containsExactly("system mapping.loaded {\"version\":1,\"file\":\"contacts.yaml\"}",
					"mia mapping.updated {\"version\":2}",
					"system mapping.loaded {\"version\":3,\"file\":\"contacts.yaml\"}");
	}

	@Test
	void savesNothingWhenOneFileIsBroken() throws IOException {
		Files.writeString(this.directory.resolve("a.yaml"), CONTACTS);
		Files.writeString(this.directory.resolve("b.yaml"),
				"id: other\ndestination: x\nfields:\n  e: {answr: email}\n");
		assertThatExceptionOfType(InvalidMappingException.class).isThrownBy(this.files::load)
			.withMessageStartingWith(this.directory.resolve("b.yaml") + ", line 4: unknown key 'answr'");
		assertThat(this.jdbc.queryForObject("SELECT COUNT(*) FROM mapping", Integer.class)).isZero();
	}

	@Test
	void refusesTwoFilesWithOneId() throws IOException {
		Files.writeString(this.directory.resolve("a.yaml"), CONTACTS);
		Files.writeString(this.directory.resolve("b.yaml"), CONTACTS);
		assertThatExceptionOfType(InvalidMappingException.class).isThrownBy(this.files::load)
			.withMessageContaining("the id 'contacts' is used by " + this.directory.resolve("a.yaml") + " already");
	}

	@Test
	void refusesTwoFilesWithEnabledMappingsForOneDestinationNamingBoth() throws IOException {
		Files.writeString(this.directory.resolve("a.yaml"), CONTACTS);
		Files.writeString(this.directory.resolve("b.yaml"), CONTACTS.replace("id: contacts", "id: callbacks"));
		assertThatExceptionOfType(InvalidSetupException.class).isThrownBy(this.files::load)
			.withMessage("The mapping file " + this.directory.resolve("b.yaml")
					+ " sends to the destination 'hubspot-main', and so does " + this.directory.resolve("a.yaml")
					+ ": a destination takes one enabled mapping")
			.satisfies((ex) -> assertThat(ex.action()).contains("enabled: false"));
		assertThat(this.jdbc.queryForObject("SELECT COUNT(*) FROM mapping", Integer.class)).isZero();

		Files.writeString(this.directory.resolve("b.yaml"),
				CONTACTS.replace("id: contacts", "id: callbacks").replace("fields:", "enabled: false\nfields:"));
		assertThat(this.files.load()).isEqualTo(2);
	}

	@Test
	void refusesAFileWhoseDestinationTakesAnEnabledMappingSavedThroughTheApi() throws IOException {
		this.mappings.create(CONTACTS.replace("id: contacts", "id: from-api"), "mia");
		Files.writeString(this.directory.resolve("contacts.yaml"), CONTACTS);
		assertThatExceptionOfType(InvalidSetupException.class).isThrownBy(this.files::load)
			.withMessageStartingWith("The mapping file " + this.directory.resolve("contacts.yaml")
					+ " sends to the destination 'hubspot-main', and so does the enabled mapping 'from-api'");
		assertThat(this.jdbc.queryForList("SELECT id FROM mapping", String.class)).containsExactly("from-api");
	}

	@Test
	@ExtendWith(OutputCaptureExtension.class)
	void warnsAboutEnabledMappingsThatShareADestinationFromBeforeTheyWereRefused(CapturedOutput output) {
		for (String id : new String[] { "b-contacts", "a-contacts", "off" }) {
			this.jdbc.update("""
					INSERT INTO mapping (id, destination_id, enabled, current_version, updated_at, updated_by)
					VALUES (?, 'hubspot-main', ?, 1, CURRENT_TIMESTAMP, 'mia')""", id, !"off".equals(id));
		}
		this.files.warnAboutSharedDestinations();
		assertThat(output).contains("The destination 'hubspot-main' takes the enabled mappings [a-contacts, "
				+ "b-contacts]: only the first that takes a lead is used; disable all but one");
	}

	@Test
	void givesThePipelineTheCurrentVersionOfEachEnabledMapping() throws IOException {
		Files.writeString(this.directory.resolve("contacts.yaml"), CONTACTS);
		Files.writeString(this.directory.resolve("off.yaml"),
				CONTACTS.replace("id: contacts", "id: off").replace("fields:", "enabled: false\nfields:"));
		this.files.load();
		assertThat(this.mappings.enabled()).extracting(Mapping::id, Mapping::version)
			.containsExactly(tuple("contacts", 1));
		this.mappings.update("contacts", CONTACTS.replace("email}", "mail}"), "mia");
		assertThat(this.mappings.enabled()).singleElement()
			.satisfies((mapping) -> assertThat(mapping.version()).isEqualTo(2))
			.satisfies((mapping) -> assertThat(mapping.fields().get(0).source()).isEqualTo(new Source.Answer("mail")));
	}

}
