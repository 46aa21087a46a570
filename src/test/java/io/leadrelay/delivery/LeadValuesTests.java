package io.leadrelay.delivery;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What is taken out of a CRM's reply: the lead's values of three characters or more,
 * whole, case aside, the longest first.
 */
class LeadValuesTests {

	@Test
	void takesOutEachValueWholeCaseAsideLongestFirst() {
		LeadValues values = LeadValues.of("{\"email\":\"ana@example.com\",\"name\":\"Ana Müller\",\"first\":\"Ana\"}",
				"{\"full_name\":[\"ana MÜLLER\"],\"age\":[\"42\"],\"phone\":[\"+447911123456\"]}");

		assertThat(values.redact("ANA@EXAMPLE.COM is taken by Ana Müller; call +447911123456. Banana, Anatole"))
			.isEqualTo("[redacted] is taken by [redacted]; call [redacted]. Banana, Anatole");
		assertThat(values.redact("age 42 is fine")).isEqualTo("age 42 is fine");
		assertThat(values.redact(null)).isNull();
	}

	@Test
	void leavesTheTextAsItIsWithoutValues() {
		assertThat(LeadValues.of(null, "not json", "{}").redact("Contact ana@example.com refused"))
			.isEqualTo("Contact ana@example.com refused");
	}

	@Test
	void treatsValuesAsTextNotAsPatterns() {
		assertThat(LeadValues.of("{\"q\":\"a.*b (x)\"}").redact("got a.*b (x) and axxb"))
			.isEqualTo("got [redacted] and axxb");
	}

}
