package io.leadrelay.mapping;

import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class TransformTests {

	@ParameterizedTest(name = "{0} in {1} -> {2}")
	@CsvSource(textBlock = """
			'030 1234567',          DE, +49301234567
			'+49 (0)30 123-4567',   DE, +49301234567
			'0049 30 1234567',      DE, +49301234567
			'(201) 555-0123',       US, +12015550123
			'+1 201 555 0123',      DE, +12015550123
			'07911 123456',         GB, +447911123456
			'+44 7911 123456',      US, +447911123456
			'01 23 45 67 89',       FR, +33123456789
			'(11) 91234-5678',      BR, +5511912345678
			""")
	void writesPhoneNumbersFromSeveralCountriesAsE164(String input, String region, String expected) {
		assertThat(new Transform.E164(region).apply(input)).isEqualTo(expected);
	}

	@ParameterizedTest(name = "{0} in {1}")
	@CsvSource(textBlock = """
			'12',              DE
			'call me maybe',   DE
			'+49 30 1',        DE
			""")
	void refusesWhatIsNotAPhoneNumberWithoutRepeatingIt(String input, String region) {
		assertThatExceptionOfType(TransformException.class).isThrownBy(() -> new Transform.E164(region).apply(input))
			.satisfies((ex) -> assertThat(ex.getMessage()).doesNotContain(input).contains(region));
	}

	@Test
	void refusesAnUnknownDefaultRegion() {
		assertThatIllegalArgumentException().isThrownBy(() -> new Transform.E164("XX")).withMessageContaining("XX");
	}

	@ParameterizedTest(name = "\"{0}\" -> first \"{1}\", last \"{2}\"")
	@CsvSource(textBlock = """
			'Ana',                  Ana,        ''
			'Ana Lopez',            Ana,        Lopez
			'Ana Maria Lopez',      Ana Maria,  Lopez
			'  Ana   Maria  Lopez ', Ana Maria, Lopez
			""")
	void splitsAFullNameIntoFirstAndLast(String full, String first, String last) {
		assertThat(new Transform.SplitName(true).apply(full)).isEqualTo(first);
		assertThat(new Transform.SplitName(false).apply(full)).isEqualTo(last);
	}

	@Test
	void letsEmptyValuesThroughEveryTransformButDefault() {
		Transform[] transforms = { new Transform.Trim(), new Transform.Lower(), new Transform.Upper(),
				new Transform.Title(), new Transform.E164("DE"), new Transform.SplitName(true),
				new Transform.ValueMap(Map.of("a", "b"), "other"),
				new Transform.DateFormat(DateTimeFormatter.ISO_LOCAL_DATE, "yyyy-MM-dd"),
				new Transform.RegexExtract(Pattern.compile("(x)"), 1), new Transform.Truncate(3) };
		for (Transform transform : transforms) {
			assertThat(transform.apply(null)).as(transform.toString()).isNull();
			assertThat(transform.apply("  ")).as(transform.toString()).isBlank();
		}
		assertThat(new Transform.Default("unknown").apply(null)).isEqualTo("unknown");
		assertThat(new Transform.Default("unknown").apply(" ")).isEqualTo("unknown");
		assertThat(new Transform.Default("unknown").apply("given")).isEqualTo("given");
	}

	@ParameterizedTest(name = "{0}: \"{1}\" -> \"{2}\"")
	@CsvSource(textBlock = """
			trim,  '  ana@example.com ', ana@example.com
			lower, Ana@Example.COM,      ana@example.com
			upper, de,                   DE
			title, ANA maría o'neil-smith, Ana María O'neil-Smith
			""")
	void changesCaseAndSpace(String name, String input, String expected) {
		Transform transform = switch (name) {
			case "trim" -> new Transform.Trim();
			case "lower" -> new Transform.Lower();
			case "upper" -> new Transform.Upper();
			default -> new Transform.Title();
		};
		assertThat(transform.apply(input)).isEqualTo(expected);
	}

	@Test
	void mapsValuesWithAFallback() {
		Transform.ValueMap budget = new Transform.ValueMap(Map.of("under_1000", "small", "over_1000", "large"),
				"unknown");
		assertThat(budget.apply("under_1000")).isEqualTo("small");
		assertThat(budget.apply("something_new")).isEqualTo("unknown");
		assertThat(new Transform.ValueMap(Map.of("a", "b"), null).apply("c")).as("no fallback keeps it").isEqualTo("c");
	}

	@ParameterizedTest(name = "{0}")
	@CsvSource(textBlock = """
			2026-11-23,               23/11/2026
			23.11.2026,               23/11/2026
			11/23/2026,               23/11/2026
			2026-11-23T08:15:00+0000, 23/11/2026
			2026-11-23T08:15:00Z,     23/11/2026
			""")
	void readsCommonDateFormats(String input, String expected) {
		assertThat(new Transform.DateFormat(DateTimeFormatter.ofPattern("dd/MM/yyyy"), "dd/MM/yyyy").apply(input))
			.isEqualTo(expected);
	}

	@Test
	void refusesADateItCannotRead() {
		assertThatExceptionOfType(TransformException.class)
			.isThrownBy(() -> new Transform.DateFormat(DateTimeFormatter.ISO_LOCAL_DATE, "yyyy-MM-dd").apply("soon"));
	}

	@Test
	void extractsWithARegexAndTruncates() {
		Transform.RegexExtract zip = new Transform.RegexExtract(Pattern.compile("(\\d{5})"), 1);
		assertThat(zip.apply("Hauptstr. 1, 10115 Berlin")).isEqualTo("10115");
		assertThat(zip.apply("no code")).isEmpty();
		assertThatExceptionOfType(TransformException.class).isThrownBy(() -> zip.apply("9".repeat(1001)));
		assertThat(new Transform.Truncate(5).apply("LeadRelay")).isEqualTo("LeadR");
		assertThat(new Transform.Truncate(50).apply("short")).isEqualTo("short");
	}

}
