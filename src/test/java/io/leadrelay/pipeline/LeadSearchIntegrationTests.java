package io.leadrelay.pipeline;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import io.leadrelay.support.LeadRelayJdbcTest;
import io.leadrelay.support.TableCleaner;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Finding leads by a person's email, phone or name, and paging the list by keyset. Run
 * against H2 and PostgreSQL by subclasses.
 */
@LeadRelayJdbcTest
abstract class LeadSearchIntegrationTests {

	static final Instant T0 = Instant.parse("2026-12-01T09:00:00Z");

	@Autowired
	JdbcTemplate jdbc;

	LeadSearch search;

	@BeforeEach
	void store() {
		TableCleaner.deleteAll(this.jdbc);
		this.search = new LeadSearch(this.jdbc);
		LeadFixtures.store(this.jdbc, "910000000000001", "mapped", "fb", T0,
				LeadFixtures.person("Anna Schmidt", " Anna.Schmidt@Example.com ", "+49 151 2345-678"));
		LeadFixtures.store(this.jdbc, "910000000000002", "filtered", "ig", T0.plusSeconds(60),
				Map.of("first_name", List.of("Annabel"), "last_name", List.of("Müller-Lüdenscheidt"), "work_mail",
						List.of("annabel@firm.de"), "phone_number", List.of("0049 170 1111111")));
		LeadFixtures.store(this.jdbc, "910000000000003", "mapped", "fb", T0.plusSeconds(120),
				LeadFixtures.person("Bob Anderson", "bob_1@example.com", "+1 (555) 010-9999"));
		LeadFixtures.store(this.jdbc, "910000000000004", "received", null, T0.plusSeconds(180), null);
	}

	@Test
	void findsAnEmailWhateverItsCaseOrSpacesAndByItsStart() {
		assertThat(found("anna.schmidt@example.com")).containsExactly("910000000000001");
		assertThat(found("  ANNA.SCHMIDT@EXAMPLE.COM ")).containsExactly("910000000000001");
		assertThat(found("anna.schmidt@exa")).containsExactly("910000000000001");
		assertThat(found("anna@example.com")).isEmpty();
	}

	@Test
	void findsAnAnswerThatLooksLikeAnEmail() {
		assertThat(found("annabel@firm.de")).containsExactly("910000000000002");
	}

	@Test
	void takesTheUnderscoreOfAnEmailLiterally() {
		assertThat(found("bob_1@")).containsExactly("910000000000003");
		assertThat(found("bobx1@")).isEmpty();
	}

	@Test
	void findsAPhoneNumberWrittenAnyWay() {
		assertThat(found("491512345678")).containsExactly("910000000000001");
		assertThat(found("+49 151 2345-678")).containsExactly("910000000000001");
		assertThat(found("+49 (151) 2345678")).containsExactly("910000000000001");
		assertThat(found("15550109999")).containsExactly("910000000000003");
		assertThat(found("+49")).containsExactly("910000000000001");
	}

	@Test
	void findsANameByAWordOrTheStartOfOne() {
		assertThat(found("schmidt")).containsExactly("910000000000001");
		assertThat(found("Anna")).containsExactly("910000000000002", "910000000000001");
		assertThat(found("anna schmidt")).containsExactly("910000000000001");
		assertThat(found("müller")).containsExactly("910000000000002");
		assertThat(found("LÜDENSCHEIDT")).containsExactly("910000000000002");
		assertThat(found("anders")).containsExactly("910000000000003");
		assertThat(found("nders")).isEmpty();
		assertThat(found("Carla")).isEmpty();
	}

	@Test
	void combinesSearchWithFilters() {
		LeadQuery instagram = new LeadQuery(null, null, null, null, "ig", null, null, "anna", null, null, 10);
		assertThat(ids(this.search.find(instagram))).containsExactly("910000000000002");
		LeadQuery mapped = new LeadQuery(null, null, null, LeadEventStatus.MAPPED, null, T0.plusSeconds(30), null, null,
				null, null, 10);
		assertThat(ids(this.search.find(mapped))).containsExactly("910000000000003");
	}

	@Test
	void pagesByKeysetBothWays() {
		LeadQuery all = new LeadQuery(null, null, null, null, null, null, null, null, null, null, 3);
		LeadSearch.LeadSlice first = this.search.find(all);
		assertThat(ids(first)).containsExactly("910000000000004", "910000000000003", "910000000000002");
		assertThat(first.newerCursor()).isNull();
		LeadSearch.LeadSlice second = this.search.find(all.slice(first.olderCursor(), null));
		assertThat(ids(second)).containsExactly("910000000000001");
		assertThat(second.olderCursor()).isNull();
		LeadSearch.LeadSlice back = this.search.find(all.slice(null, second.newerCursor()));
		assertThat(ids(back)).containsExactly("910000000000004", "910000000000003", "910000000000002");
		assertThat(back.newerCursor()).isNull();
		assertThat(back.olderCursor()).isEqualTo(first.olderCursor());
	}

	@Test
	void countsUpToItsLimit() {
		assertThat(this.search
			.countUpToLimit(new LeadQuery(null, null, null, null, null, null, null, null, null, null, 1))).isEqualTo(4);
		assertThat(this.search
			.countUpToLimit(new LeadQuery(null, null, null, null, null, null, null, "example", null, null, 1)))
			.isZero();
	}

	private List<String> found(String text) {
		return ids(this.search.find(new LeadQuery(null, null, null, null, null, null, null, text, null, null, 10)));
	}

	private static List<String> ids(LeadSearch.LeadSlice slice) {
		return slice.items().stream().map(LeadRow::leadgenId).toList();
	}

}
