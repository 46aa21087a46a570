package io.leadrelay.security;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.regex.Pattern;

import io.leadrelay.support.LeadRelayIntegrationTest;
import io.leadrelay.support.TestUsers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.server.PathContainer;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.servlet.handler.AbstractUrlHandlerMapping;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.RequestMappingInfoHandlerMapping;
import org.springframework.web.servlet.resource.ResourceHttpRequestHandler;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;

/**
 * Every route the engine serves (read from its handler mappings, so a route added
 * anywhere is in), called by an anonymous visitor and by a user of each role, against a
 * table of what each of them should get. The test fails when a route has no rule in
 * {@link AccessPolicy}, when it has no line in {@link #EXPECTED}, or when a caller gets
 * something else than the table says.
 * <p>
 * Pages are called with a signed-in session (and a CSRF token), the API with HTTP Basic.
 * Path variables are filled with ids that exist nowhere, so a call that gets through
 * finds nothing to change.
 */
@LeadRelayIntegrationTest
class AccessPolicyIntegrationTests {

	/**
	 * What each caller gets, by route: {@code ok} (let through: whatever the page or API
	 * then answers), {@code signin} (sent to sign in: the sign-in page, or 401 from the
	 * API) or {@code deny} (403). The first line whose method ({@code ANY} for any) and
	 * path pattern match a route decides.
	 */
	// @formatter:off
	static final String EXPECTED = """
			# method  path pattern                     anonymous  VIEWER  MARKETER  ADMIN
			ANY       /login                           ok         ok      ok        ok
			GET       /webjars/**                      ok         ok      ok        ok
			GET       /css/**                          ok         ok      ok        ok
			GET       /js/**                           ok         ok      ok        ok
			GET       /favicon.ico                     ok         ok      ok        ok
			ANY       /error                           ok         ok      ok        ok
			GET       /privacy/deletions/*             ok         ok      ok        ok
			ANY       /login/two-factor                signin     deny    deny      deny
			GET       /                                signin     ok      ok        ok
			ANY       /account                         signin     ok      ok        ok
			ANY       /account/**                      signin     ok      ok        ok
			GET       /api-docs                        signin     ok      ok        ok
			GET       /api-docs.yaml                   signin     ok      ok        ok
			GET       /api-docs/**                     signin     ok      ok        ok
			GET       /dashboard/**                    signin     ok      ok        ok
			GET       /leads                           signin     ok      ok        ok
			GET       /leads/**                        signin     ok      ok        ok
			ANY       /leads/**                        signin     deny    ok        ok
			GET       /deliveries                      signin     ok      ok        ok
			ANY       /deliveries/*/edit               signin     deny    ok        ok
			GET       /deliveries/**                   signin     ok      ok        ok
			ANY       /deliveries/**                   signin     deny    ok        ok
			GET       /setup                           signin     ok      ok        ok
			ANY       /pages/connect                   signin     deny    ok        ok
			ANY       /pages/connect/**                signin     deny    ok        ok
			ANY       /pages/new                       signin     deny    ok        ok
			ANY       /pages/*/disconnect              signin     deny    ok        ok
			GET       /pages                           signin     ok      ok        ok
			GET       /pages/**                        signin     ok      ok        ok
			ANY       /pages/**                        signin     deny    ok        ok
			GET       /forms                           signin     ok      ok        ok
			GET       /forms/**                        signin     ok      ok        ok
			ANY       /forms/**                        signin     deny    ok        ok
			GET       /destinations                    signin     ok      ok        ok
			GET       /destinations/**                 signin     ok      ok        ok
			ANY       /destinations/**                 signin     deny    ok        ok
			GET       /mappings                        signin     ok      ok        ok
			GET       /mappings/**                     signin     ok      ok        ok
			ANY       /mappings/**                     signin     deny    ok        ok
			ANY       /settings                        signin     deny    deny      ok
			ANY       /settings/**                     signin     deny    deny      ok
			ANY       /users                           signin     deny    deny      ok
			ANY       /users/**                        signin     deny    deny      ok
			ANY       /api/v1/users                    signin     deny    deny      ok
			ANY       /api/v1/users/**                 signin     deny    deny      ok
			ANY       /audit                           signin     deny    deny      ok
			ANY       /audit/**                        signin     deny    deny      ok
			ANY       /api/v1/audit                    signin     deny    deny      ok
			ANY       /api/v1/audit/**                 signin     deny    deny      ok
			ANY       /privacy                         signin     deny    deny      ok
			ANY       /privacy/**                      signin     deny    deny      ok
			ANY       /api/v1/privacy                  signin     deny    deny      ok
			ANY       /api/v1/privacy/**               signin     deny    deny      ok
			ANY       /api/v1/alerts                   signin     deny    deny      ok
			ANY       /api/v1/alerts/**                signin     deny    deny      ok
			GET       /api/v1/**                       signin     ok      ok        ok
			POST      /api/v1/mappings/preview         signin     ok      ok        ok
			ANY       /api/v1/mappings                 signin     deny    ok        ok
			ANY       /api/v1/mappings/**              signin     deny    ok        ok
			ANY       /api/v1/pages                    signin     deny    ok        ok
			ANY       /api/v1/pages/**                 signin     deny    ok        ok
			ANY       /api/v1/destinations             signin     deny    ok        ok
			ANY       /api/v1/destinations/**          signin     deny    ok        ok
			ANY       /api/v1/deliveries/**            signin     deny    ok        ok
			ANY       /api/v1/leads/**                 signin     deny    ok        ok
			""";
	// @formatter:on

	/**
	 * Routes with a filter chain of their own, outside the policy: the webhook (its
	 * signature is its authentication; MetaWebhookIntegrationTests) and the management
	 * endpoints (ManagementEndpointsIntegrationTests).
	 */
	static final List<String> OWN_CHAIN = List.of("/webhooks/**", "/actuator", "/actuator/**");

	static final List<String> CALLERS = List.of("anonymous", "VIEWER", "MARKETER", "ADMIN");

	private static final PathPatternParser PATTERNS = new PathPatternParser();

	private static final Pattern VARIABLE = Pattern.compile("\\{[^}]+}");

	@Autowired
	ApplicationContext context;

	@Autowired
	WebApplicationContext web;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	StoredUsers users;

	MockMvc mvc;

	@BeforeEach
	void usersOfEveryRole() {
		this.mvc = MockMvcBuilders.webAppContextSetup(this.web).apply(springSecurity()).build();
		TestUsers.replace(this.jdbc, "access-viewer", "VIEWER");
		TestUsers.replace(this.jdbc, "access-marketer", "MARKETER");
		TestUsers.replace(this.jdbc, "access-admin", "ADMIN");
	}

	@Test
	void everyRouteHasARuleAndALineInTheTable() {
		List<String> missing = new ArrayList<>();
		for (Route route : routes()) {
			if (AccessPolicy.ruleFor(route.method(), route.sample()).isEmpty()) {
				missing.add(route + ": no rule in AccessPolicy (the route is refused to everyone)");
			}
			if (expectationFor(route).isEmpty()) {
				missing.add(route + ": no line in AccessPolicyIntegrationTests.EXPECTED");
			}
		}
		assertThat(missing).as("routes without a rule or an expectation").isEmpty();
	}

	@Test
	void everyCallerGetsWhatTheTableSaysOnEveryRoute() throws Exception {
		List<String> wrong = new ArrayList<>();
		List<Route> routes = routes();
		for (Route route : routes) {
			Optional<Expectation> expected = expectationFor(route);
			if (expected.isEmpty()) {
				continue;
			}
			for (int caller = 0; caller < CALLERS.size(); caller++) {
				String want = expected.get().outcomes().get(caller);
				String got = outcome(call(route, CALLERS.get(caller)));
				if (!want.equals(got)) {
					wrong.add(route + " as " + CALLERS.get(caller) + ": expected " + want + ", got " + got);
				}
			}
		}
		assertThat(routes).as("routes found in the handler mappings").hasSizeGreaterThan(20);
		assertThat(wrong).as("callers getting something else than the table says").isEmpty();
	}

	@Test
	void findsTheRoutesOfTheApiThePagesAndTheAssets() {
		assertThat(routes()).extracting(Route::toString)
			.contains("GET /api/v1/leads", "POST /api/v1/deliveries/{id}/replay", "GET /", "GET /login",
					"GET /api-docs", "GET /api-docs/swagger-ui/**", "GET /webjars/**", "GET /css/leadrelay.css")
			.doesNotContain("POST /webhooks/meta", "GET /actuator/prometheus");
	}

	private MockHttpServletResponse call(Route route, String caller) throws Exception {
		boolean api = route.sample().startsWith("/api/");
		MockHttpServletRequestBuilder request = MockMvcRequestBuilders.request(route.method(), route.sample());
		if (!HttpMethod.GET.equals(route.method())) {
			request.with(csrf());
			if (api) {
				request.contentType(MediaType.APPLICATION_JSON).content("{}");
			}
		}
		if (!"anonymous".equals(caller)) {
			String username = "access-" + caller.toLowerCase();
			if (api) {
				request.with(httpBasic(username, TestUsers.PASSWORD));
			}
			else {
				LeadRelayUser user = this.users.loadUserByUsername(username);
				request.with(authentication(
						UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities())));
			}
		}
		try {
			return this.mvc.perform(request).andReturn().getResponse();
		}
		catch (Exception ex) {
			// Only a handler throws out of MockMvc (security answers refusals itself):
			// the
			// caller got through.
			MockHttpServletResponse through = new MockHttpServletResponse();
			through.setStatus(500);
			return through;
		}
	}

	private static String outcome(MockHttpServletResponse response) {
		String location = response.getRedirectedUrl();
		if (response.getStatus() == 401
				|| (location != null && (location.endsWith("/login") || location.endsWith("/login/")))) {
			return "signin";
		}
		return (response.getStatus() == 403) ? "deny" : "ok";
	}

	/** Every route of every handler mapping, but those with a chain of their own. */
	List<Route> routes() {
		TreeSet<Route> routes = new TreeSet<>(Comparator.comparing(Route::toString));
		for (HandlerMapping mapping : this.context.getBeansOfType(HandlerMapping.class).values()) {
			if (mapping.getClass().getName().startsWith("org.springframework.boot.actuate")) {
				continue;
			}
			if (mapping instanceof RequestMappingInfoHandlerMapping handlers) {
				handlers.getHandlerMethods().forEach((info, method) -> addRoutes(routes, info, method));
			}
			else if (mapping instanceof AbstractUrlHandlerMapping urls) {
				urls.getHandlerMap().forEach((pattern, handler) -> addUrlRoutes(routes, pattern, handler));
			}
		}
		routes.removeIf((route) -> OWN_CHAIN.stream().anyMatch((own) -> matches(own, route.sample())));
		return List.copyOf(routes);
	}

	private static void addRoutes(TreeSet<Route> routes, RequestMappingInfo info, HandlerMethod handler) {
		List<HttpMethod> methods = info.getMethodsCondition()
			.getMethods()
			.stream()
			.map((method) -> HttpMethod.valueOf(method.name()))
			.toList();
		for (String pattern : info.getPatternValues()) {
			for (HttpMethod method : methods.isEmpty() ? List.of(HttpMethod.GET, HttpMethod.POST) : methods) {
				routes.add(new Route(method, pattern));
			}
		}
	}

	private static void addUrlRoutes(TreeSet<Route> routes, String pattern, Object handler) {
		if (handler instanceof ResourceHttpRequestHandler && "/**".equals(pattern)) {
			// The catch-all of src/main/resources/static: one route per file there.
			staticFiles().forEach((file) -> routes.add(new Route(HttpMethod.GET, file)));
			return;
		}
		routes.add(new Route(HttpMethod.GET, pattern));
	}

	private static List<String> staticFiles() {
		try {
			Resource root = new PathMatchingResourcePatternResolver().getResource("classpath:static/");
			String base = root.getURL().toString();
			return Arrays.stream(new PathMatchingResourcePatternResolver().getResources("classpath:static/**/*"))
				.filter(Resource::isReadable)
				.map((resource) -> {
					try {
						return "/" + resource.getURL().toString().substring(base.length());
					}
					catch (IOException ex) {
						throw new IllegalStateException(ex);
					}
				})
				.toList();
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static Optional<Expectation> expectationFor(Route route) {
		return expectations().stream()
			.filter((line) -> (line.method() == null || line.method().equals(route.method()))
					&& matches(line.pattern(), route.sample()))
			.findFirst();
	}

	private static List<Expectation> expectations() {
		return EXPECTED.lines()
			.map(String::strip)
			.filter((line) -> !line.isEmpty() && !line.startsWith("#"))
			.map((line) -> {
				List<String> cells = List.of(line.split("\\s+"));
				assertThat(cells).as(line).hasSize(2 + CALLERS.size());
				assertThat(cells.subList(2, cells.size())).as(line)
					.allMatch(Map.of("ok", 1, "signin", 1, "deny", 1)::containsKey);
				return new Expectation("ANY".equals(cells.get(0)) ? null : HttpMethod.valueOf(cells.get(0)),
						cells.get(1), cells.subList(2, cells.size()));
			})
			.toList();
	}

	private static boolean matches(String pattern, String path) {
		PathPattern parsed = PATTERNS.parse(pattern);
		return parsed.matches(PathContainer.parsePath(path));
	}

	/** One line of {@link #EXPECTED}; {@code method} null for any. */
	record Expectation(HttpMethod method, String pattern, List<String> outcomes) {
	}

	/**
	 * A route as its handler mapping declares it, and a path that reaches it.
	 */
	record Route(HttpMethod method, String pattern) {

		String sample() {
			String path = VARIABLE.matcher(this.pattern).replaceAll("999999");
			return path.replace("/**", "/x").replace("*", "");
		}

		@Override
		public String toString() {
			return this.method.name() + " " + this.pattern;
		}

	}

}
