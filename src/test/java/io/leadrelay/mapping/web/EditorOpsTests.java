package io.leadrelay.mapping.web;

import io.leadrelay.mapping.MappingDraft;
import io.leadrelay.mapping.MappingDraft.TransformDraft;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class EditorOpsTests {

	final MappingDraft draft = DraftBinderTests.everything();

	@Test
	void movesATransformUpAndDownWithinItsRow() {
		MappingDraft up = EditorOps.apply(this.draft, "up:0:1");
		assertThat(up.fields().get(0).transforms().subList(0, 2)).extracting(TransformDraft::name)
			.containsExactly("lower", "trim");
		assertThat(EditorOps.apply(up, "down:0:0")).isEqualTo(this.draft);
		assertThat(EditorOps.apply(this.draft, "up:0:0")).isEqualTo(this.draft);
	}

	@Test
	void addsAndRemovesTransformsRulesAndRows() {
		assertThat(EditorOps.apply(this.draft, "add-transform:1").fields().get(1).transforms())
			.containsExactly(TransformDraft.of("trim", null));
		assertThat(EditorOps.apply(this.draft, "remove-transform:0:0").fields().get(0).transforms()).hasSize(10);
		assertThat(EditorOps.apply(this.draft, "add-rule").when().rules()).hasSize(6);
		assertThat(EditorOps.apply(this.draft, "remove-rule:4").when().rules()).hasSize(4);
		assertThat(EditorOps.apply(this.draft, "remove-field:0").fields()).hasSize(3);
	}

	@Test
	void leavesTheDraftAsItIsForAnUnknownOrOutOfRangeButton() {
		assertThat(EditorOps.apply(this.draft, "")).isEqualTo(this.draft);
		assertThat(EditorOps.apply(this.draft, "remove-field:9")).isEqualTo(this.draft);
		assertThat(EditorOps.apply(this.draft, "up:x:1")).isEqualTo(this.draft);
	}

	@Test
	void placesAProblemAtTheRowItsPathNames() {
		assertThat(EditorErrors.place("fields.email.transforms[3]", this.draft)).isEqualTo("transform:0:3");
		assertThat(EditorErrors.place("fields.source.meta", this.draft)).isEqualTo("field:1");
		assertThat(EditorErrors.place("match.when.any[2].not.matches", this.draft)).isEqualTo("rule:2");
		assertThat(EditorErrors.place("destination", this.draft)).isEqualTo("destination");
		assertThat(EditorErrors.place("match.pages", this.draft)).isEqualTo("general");
	}

}
