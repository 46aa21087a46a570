package io.leadrelay.graph;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class GraphErrorsTests {

	private final GraphErrors errors = new GraphErrors(new ObjectMapper());

	@ParameterizedTest(name = "HTTP {0}, code {1}/{2} -> {3}")
	@CsvSource(textBlock = """
			400, 190,     463, TokenInvalid
			400, 190,     460, TokenInvalid
			400, 190,     467, TokenInvalid
			400, 190,        , TokenInvalid
			400, 102,        , TokenInvalid
			403, 200,        , TokenInvalid
			403, 10,         , TokenInvalid
			400, 4,          , RateLimited
			400, 17,         , RateLimited
			400, 32,         , RateLimited
			400, 613,        , RateLimited
			400, 80001,      , RateLimited
			400, 80004,      , RateLimited
			400, 80005,      , RateLimited
			400, 368,        , RateLimited
			500, 1,          , Transient
			400, 2,          , Transient
			503, 9999,       , Transient
			400, 100,        , Failed
			404, 803,        , Failed
			""")
	void classifiesGraphErrorsByTheirCode(int status, int code, Integer subcode, String expected) {
		String body = "{\"error\":{\"message\":\"Meta says no\",\"type\":\"OAuthException\",\"code\":" + code
				+ ((subcode != null) ? ",\"error_subcode\":" + subcode : "") + ",\"fbtrace_id\":\"AbCdEf123\"}}";
		GraphResult<Object> result = this.errors.classify(status, body);
		assertThat(result.getClass().getSimpleName()).isEqualTo(expected);
		assertThat(result.toString()).contains("Meta says no").contains("Graph API error " + code);
	}

	@ParameterizedTest(name = "HTTP {0}: {1}")
	@CsvSource(delimiter = '|', textBlock = """
			502 | <html><body>Bad Gateway</body></html>
			500 |
			400 | {"message":"not the Graph error shape"}
			400 | {"error":"a string, not an object"}
			""")
	void treatsAnswersThatAreNotGraphErrorsAsTransient(int status, String body) {
		assertThat(this.errors.classify(status, (body != null) ? body : "")).isInstanceOf(GraphResult.Transient.class);
	}

}
