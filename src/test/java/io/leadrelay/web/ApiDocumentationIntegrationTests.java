package io.leadrelay.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.leadrelay.support.LeadRelayIntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/**
 * The OpenAPI document of {@code /api/v1} and its UI: for signed-in users, and describing
 * exactly the routes the controllers serve.
 */
@LeadRelayIntegrationTest
class ApiDocumentationIntegrationTests {

	private static final Set<String> OPERATIONS = Set.of("get", "put", "post", "delete", "patch", "head", "options",
			"trace");

	@Autowired
	WebApplicationContext web;

	@Autowired
	@Qualifier("requestMappingHandlerMapping")
	RequestMappingHandlerMapping handlers;

	final ObjectMapper json = new ObjectMapper();

	MockMvc mvc;

	@BeforeEach
	void mockMvc() {
		this.mvc = MockMvcBuilders.webAppContextSetup(this.web).apply(springSecurity()).build();
	}

	@Test
	void documentsEveryApiRouteAndNothingElse() throws Exception {
		assertThat(documentedRoutes()).isEqualTo(servedRoutes()).isNotEmpty();
	}

	@Test
	void sendsAVisitorWhoIsNotSignedInToSignIn() throws Exception {
		for (String path : List.of("/api-docs", "/api-docs/ui", "/api-docs/swagger-ui/index.html")) {
			String location = this.mvc.perform(get(path)).andReturn().getResponse().getRedirectedUrl();
			assertThat(location).as(path).endsWith("/login");
		}
	}

	@Test
	void showsTheUiToEveryRole() throws Exception {
		String ui = this.mvc.perform(get("/api-docs/ui").with(user("vera").roles("VIEWER")))
			.andReturn()
			.getResponse()
			.getRedirectedUrl();
		assertThat(ui).isEqualTo("/api-docs/swagger-ui/index.html");
		assertThat(this.mvc.perform(get(ui).with(user("vera").roles("VIEWER"))).andReturn().getResponse().getStatus())
			.isEqualTo(200);
		JsonNode config = this.json
			.readTree(this.mvc.perform(get("/api-docs/swagger-config").with(user("vera").roles("VIEWER")))
				.andReturn()
				.getResponse()
				.getContentAsString());
		assertThat(config.get("url").asText()).isEqualTo("/api-docs");
	}

	@Test
	void saysHowToSignInAndLeavesTheCallerOutOfTheParameters() throws Exception {
		JsonNode document = document();
		assertThat(document.at("/info/title").asText()).isEqualTo("LeadRelay API");
		assertThat(document.at("/components/securitySchemes/basic/scheme").asText()).isEqualTo("basic");
		assertThat(document.at("/components/securitySchemes/token/scheme").asText()).isEqualTo("bearer");
		List<String> parameters = new ArrayList<>();
		document.get("paths")
			.forEach((path) -> path.forEach((operation) -> operation.path("parameters")
				.forEach((parameter) -> parameters.add(parameter.get("name").asText()))));
		assertThat(parameters).isNotEmpty().doesNotContain("caller", "user", "principal", "authentication");
	}

	private JsonNode document() throws Exception {
		return this.json.readTree(this.mvc.perform(get("/api-docs").with(user("vera").roles("VIEWER")))
			.andReturn()
			.getResponse()
			.getContentAsString());
	}

	private Set<String> documentedRoutes() throws Exception {
		Set<String> routes = new TreeSet<>();
		document().get("paths").properties().forEach((path) -> path.getValue().properties().forEach((operation) -> {
			if (OPERATIONS.contains(operation.getKey())) {
				routes.add(operation.getKey().toUpperCase(Locale.ROOT) + " " + path.getKey());
			}
		}));
		return routes;
	}

	private Set<String> servedRoutes() {
		Set<String> routes = new TreeSet<>();
		this.handlers.getHandlerMethods().forEach((info, method) -> {
			for (String pattern : info.getPatternValues()) {
				if (pattern.startsWith("/api/v1/")) {
					info.getMethodsCondition()
						.getMethods()
						.forEach((verb) -> routes
							.add(verb.name() + " " + pattern.replaceAll("\\{(\\w+):[^}]*}", "{$1}")));
				}
			}
		});
		return routes;
	}

}
