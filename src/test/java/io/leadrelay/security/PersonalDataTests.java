package io.leadrelay.security;

import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import org.springframework.security.authentication.TestingAuthenticationToken;
import org.springframework.security.core.Authentication;

import static org.assertj.core.api.Assertions.assertThat;

class PersonalDataTests {

	private final ObjectMapper json = new ObjectMapper();

	@Test
	void showsPersonalDataToAdminsAndMarketersOnly() {
		assertThat(PersonalData.visibleTo(caller("ROLE_ADMIN"))).isTrue();
		assertThat(PersonalData.visibleTo(caller("ROLE_MARKETER"))).isTrue();
		assertThat(PersonalData.visibleTo(caller("ROLE_VIEWER"))).isFalse();
		assertThat(PersonalData.visibleTo(caller("ROLE_SOMETHING_NEW"))).isFalse();
		assertThat(PersonalData.visibleTo(caller())).isFalse();
		assertThat(PersonalData.visibleTo((Authentication) null)).isFalse();
		assertThat(PersonalData.visibleTo(Role.ADMIN)).isTrue();
		assertThat(PersonalData.visibleTo(Role.MARKETER)).isTrue();
		assertThat(PersonalData.visibleTo(Role.VIEWER)).isFalse();
	}

	@Test
	void hidesAFailedOrUnfinishedSignInsView() {
		TestingAuthenticationToken pending = new TestingAuthenticationToken("admin", null, "ROLE_ADMIN");
		pending.setAuthenticated(false);
		assertThat(PersonalData.visibleTo(pending)).isFalse();
	}

	@Test
	void hidesEveryValueOfAPayloadButKeepsItsShape() throws Exception {
		JsonNode payload = this.json.readTree("""
				{"email":"ana@example.com","age":41,"consent":true,"none":null,
				 "address":{"city":"Berlin"},"tags":["a","b"]}""");
		assertThat(PersonalData.forCaller(caller("ROLE_VIEWER"), payload)).isEqualTo(this.json.readTree("""
				{"email":"hidden for your role","age":"hidden for your role","consent":"hidden for your role",
				 "none":null,"address":{"city":"hidden for your role"},
				 "tags":["hidden for your role","hidden for your role"]}"""));
		assertThat(PersonalData.forCaller(caller("ROLE_MARKETER"), payload)).isSameAs(payload);
	}

	@Test
	void hidesEveryValueOfAFieldMapInItsOrder() {
		Map<String, String> fields = new LinkedHashMap<>();
		fields.put("lastname", "Lopez");
		fields.put("email", "ana@example.com");
		assertThat(PersonalData.forCaller(caller("ROLE_VIEWER"), fields))
			.containsExactly(Map.entry("lastname", PersonalData.HIDDEN), Map.entry("email", PersonalData.HIDDEN));
		assertThat(PersonalData.forCaller(caller("ROLE_ADMIN"), fields)).isSameAs(fields);
	}

	private static Authentication caller(String... authorities) {
		return new TestingAuthenticationToken("someone", null, authorities);
	}

}
