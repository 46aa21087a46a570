package io.leadrelay.ingest;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.leadrelay.ingest.NotificationParser.ParsedNotification;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class NotificationParserTests {

	private final NotificationParser parser = new NotificationParser(new ObjectMapper());

	@Test
	void readsEveryLeadgenChangeOfEveryEntry() {
		ParsedNotification parsed = parse("""
				{"object":"page","entry":[
				  {"id":"100200300400500","time":1767225600,"changes":[
				    {"field":"leadgen","value":{"leadgen_id":"920000000000001","page_id":"100200300400500",
				      "form_id":"700000000000011","adgroup_id":"238000000000022","ad_id":"238000000000023",
				      "created_time":1767225590}},
				    {"field":"leadgen","value":{"leadgen_id":920000000000002,"page_id":100200300400500,
				      "form_id":700000000000011,"created_time":"1767225595"}}]},
				  {"id":"100200300400999","time":1767225600,"changes":[
				    {"field":"leadgen","value":{"leadgen_id":"920000000000003","form_id":"700000000000099"}}]}]}
				""");
		assertThat(parsed.ignoredChanges()).isZero();
		assertThat(parsed.leads()).extracting(LeadNotification::leadgenId)
			.containsExactly("920000000000001", "920000000000002", "920000000000003");
		LeadNotification first = parsed.leads().get(0);
		assertThat(first.adId()).isEqualTo("238000000000023");
		assertThat(first.adgroupId()).isEqualTo("238000000000022");
		assertThat(first.createdTime()).isEqualTo(Instant.ofEpochSecond(1767225590));
		LeadNotification numeric = parsed.leads().get(1);
		assertThat(numeric.pageId()).isEqualTo("100200300400500");
		assertThat(numeric.formId()).isEqualTo("700000000000011");
		assertThat(numeric.adId()).isNull();
		assertThat(numeric.createdTime()).isEqualTo(Instant.ofEpochSecond(1767225595));
		assertThat(parsed.leads().get(2).pageId()).as("page id taken from the entry").isEqualTo("100200300400999");
		assertThat(parsed.leads().get(2).createdTime()).isNull();
	}

	@Test
	void ignoresChangesThatAreNotLeadgenAndEntriesWithoutValues() {
		ParsedNotification parsed = parse("""
				{"object":"page","entry":[
				  {"id":"1","changes":[{"field":"feed","value":{"item":"post"}},{"value":{}}]},
				  {"id":"1","changed_fields":["leadgen"]}]}
				""");
		assertThat(parsed.leads()).isEmpty();
		assertThat(parsed.ignoredChanges()).isEqualTo(3);
	}

	@Test
	void keepsTheChangeValueAsReceived() {
		ParsedNotification parsed = parse("""
				{"object":"page","entry":[{"id":"1","changes":[{"field":"leadgen",
				  "value":{"leadgen_id":"9","page_id":"1","extra":{"new":"field from Meta"}}}]}]}""");
		assertThat(parsed.leads().get(0).rawValue())
			.isEqualTo("{\"leadgen_id\":\"9\",\"page_id\":\"1\",\"extra\":{\"new\":\"field from Meta\"}}");
	}

	@ParameterizedTest(name = "{0}")
	@CsvSource(delimiter = '|',
			textBlock = """
					empty body                 |                                                                   | $
					not JSON                   | leads please                                                      | $
					trailing garbage           | {"object":"page","entry":[]} x                                    | $
					array at the root          | [{"object":"page"}]                                               | $
					object missing             | {"entry":[]}                                                      | object
					object of another kind     | {"object":"instagram","entry":[]}                                 | object
					object not a string        | {"object":["page"],"entry":[]}                                    | object
					entry missing              | {"object":"page"}                                                 | entry
					entry not an array         | {"object":"page","entry":{}}                                      | entry
					entry not an object        | {"object":"page","entry":[1]}                                     | entry[0]
					changes not an array       | {"object":"page","entry":[{"id":"1","changes":{}}]}               | entry[0].changes
					change not an object       | {"object":"page","entry":[{"id":"1","changes":["leadgen"]}]}      | entry[0].changes[0]
					value missing              | {"object":"page","entry":[{"id":"1","changes":[{"field":"leadgen"}]}]} | entry[0].changes[0].value
					leadgen_id missing         | {"object":"page","entry":[{"id":"1","changes":[{"field":"leadgen","value":{"page_id":"1"}}]}]} | entry[0].changes[0].value.leadgen_id
					leadgen_id not numeric     | {"object":"page","entry":[{"id":"1","changes":[{"field":"leadgen","value":{"leadgen_id":"../me"}}]}]} | entry[0].changes[0].value.leadgen_id
					leadgen_id a fraction      | {"object":"page","entry":[{"id":"1","changes":[{"field":"leadgen","value":{"leadgen_id":1.5}}]}]} | entry[0].changes[0].value.leadgen_id
					leadgen_id too long        | {"object":"page","entry":[{"id":"1","changes":[{"field":"leadgen","value":{"leadgen_id":"123456789012345678901234567890123"}}]}]} | entry[0].changes[0].value.leadgen_id
					page id nowhere            | {"object":"page","entry":[{"changes":[{"field":"leadgen","value":{"leadgen_id":"9"}}]}]} | entry[0].changes[0].value.page_id
					entry id not numeric       | {"object":"page","entry":[{"id":"page","changes":[]}]}            | entry[0].id
					created_time negative      | {"object":"page","entry":[{"id":"1","changes":[{"field":"leadgen","value":{"leadgen_id":"9","created_time":-5}}]}]} | entry[0].changes[0].value.created_time
					created_time a date        | {"object":"page","entry":[{"id":"1","changes":[{"field":"leadgen","value":{"leadgen_id":"9","created_time":"2026-01-01"}}]}]} | entry[0].changes[0].value.created_time
					form_id not numeric        | {"object":"page","entry":[{"id":"1","changes":[{"field":"leadgen","value":{"leadgen_id":"9","form_id":true}}]}]} | entry[0].changes[0].value.form_id
					""")
	void rejectsWhatMetaDoesNotSendNamingTheField(String description, String body, String field) {
		assertThatExceptionOfType(InvalidPayloadException.class).isThrownBy(() -> parse((body != null) ? body : ""))
			.satisfies((ex) -> assertThat(ex.field()).isEqualTo(field))
			.satisfies((ex) -> assertThat(ex.getMessage()).startsWith(field + " "));
	}

	@Test
	void rejectsDeeplyNestedJsonWithoutFailing() {
		String nested = "[".repeat(5000) + "]".repeat(5000);
		assertThatExceptionOfType(InvalidPayloadException.class).isThrownBy(() -> parse(nested))
			.satisfies((ex) -> assertThat(ex.field()).isEqualTo("$"));
	}

	@Test
	void rejectsAnOversizedChangeValue() {
		String padding = "x".repeat(NotificationParser.MAX_RAW_VALUE_LENGTH);
		assertThatExceptionOfType(InvalidPayloadException.class)
			.isThrownBy(() -> parse("{\"object\":\"page\",\"entry\":[{\"id\":\"1\",\"changes\":[{\"field\":\"leadgen\","
					+ "\"value\":{\"leadgen_id\":\"9\",\"pad\":\"" + padding + "\"}}]}]}"))
			.satisfies((ex) -> assertThat(ex.field()).isEqualTo("entry[0].changes[0].value"));
	}

	private ParsedNotification parse(String json) {
		return this.parser.parse(json.getBytes(StandardCharsets.UTF_8));
	}

}
