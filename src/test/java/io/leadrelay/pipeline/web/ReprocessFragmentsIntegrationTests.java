package io.leadrelay.pipeline.web;

import java.util.List;
import java.util.Map;
import java.util.Set;

import io.leadrelay.support.LeadRelayIntegrationTest;
import jakarta.servlet.ServletContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.thymeleaf.context.WebContext;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.web.servlet.JakartaServletWebApplication;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The reprocess controls the leads pages include: the button on a lead's page, for the
 * statuses that can be reprocessed and the roles that may, and the link above the list.
 * Rendered outside a request, so without the CSRF field a page adds (the confirm page's
 * form, driven in ReprocessBrowserTests, shows that it does).
 */
@LeadRelayIntegrationTest
class ReprocessFragmentsIntegrationTests {

	@Autowired
	SpringTemplateEngine templates;

	@Autowired
	ServletContext servletContext;

	@AfterEach
	void signOut() {
		SecurityContextHolder.clearContext();
	}

	@ParameterizedTest(name = "{0} lead as {1}: button {2}")
	@CsvSource(textBlock = """
			filtered,    MARKETER, true
			mapped,      ADMIN,    true
			failed,      MARKETER, true
			FILTERED,    ADMIN,    true
			filtered,    VIEWER,   false
			received,    ADMIN,    false
			enriching,   ADMIN,    false
			needs_token, ADMIN,    false
			""")
	void showsTheButtonForTheStatusesThatCanBeReprocessedToEditorsOnly(String status, String role, boolean shown) {
		String html = render(role, "button", Map.of("leadgenId", "910000000000001", "status", status));
		if (shown) {
			assertThat(html).contains("action=\"/leads/910000000000001/reprocess\"")
				.contains("Reprocess with current mappings");
		}
		else {
			assertThat(html).doesNotContain("<form").doesNotContain("Reprocess");
		}
	}

	@ParameterizedTest(name = "as {0}: link {1}")
	@CsvSource(textBlock = """
			MARKETER, true
			VIEWER,   false
			""")
	void linksEditorsToTheConfirmPageWithTheListsFilters(String role, boolean shown) {
		String html = render(role, "bulk", Map.of("query", "status=filtered&formId=700000000000002"));
		if (shown) {
			assertThat(html).contains("href=\"/leads/reprocess?status=filtered&amp;formId=700000000000002\"")
				.contains("Reprocess leads matching");
		}
		else {
			assertThat(html).doesNotContain("href");
		}
		assertThat(render("ADMIN", "bulk", Map.of("query", ""))).contains("href=\"/leads/reprocess\"");
	}

	private String render(String role, String fragment, Map<String, Object> variables) {
		SecurityContextHolder.getContext()
			.setAuthentication(UsernamePasswordAuthenticationToken.authenticated("someone", "n/a",
					List.of(new SimpleGrantedAuthority("ROLE_" + role))));
		MockHttpServletRequest request = new MockHttpServletRequest(this.servletContext, "GET", "/leads/1");
		MockHttpServletResponse response = new MockHttpServletResponse();
		WebContext context = new WebContext(
				JakartaServletWebApplication.buildApplication(this.servletContext).buildExchange(request, response));
		context.setVariables(variables);
		return this.templates.process("leads/reprocess", Set.of(fragment), context);
	}

}
