package io.leadrelay.security;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import org.springframework.http.HttpMethod;
import org.springframework.http.server.PathContainer;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

/**
 * Who may call what: one table for the pages and the API, read top to bottom, the first
 * rule whose method and path match deciding. A request no rule matches is refused, so a
 * new route is closed until it gets a line here (and {@code AccessPolicyIntegrationTests}
 * fails until it does).
 */
public final class AccessPolicy {

	private static final Role[] EVERY_ROLE = Role.values();

	private static final Role[] EDITORS = { Role.ADMIN, Role.MARKETER };

	private static final List<Rule> RULES = List.of(
	// @formatter:off
			// Open: the sign-in page, assets, the error page. (The management endpoints,
			// /actuator/**, have a chain of their own: ManagementSecurityConfiguration.)
			Rule.anyone(null, "/login"),
			Rule.anyone(HttpMethod.GET, "/webjars/**"),
			Rule.anyone(HttpMethod.GET, "/css/**"),
			Rule.anyone(HttpMethod.GET, "/js/**"),
			Rule.anyone(HttpMethod.GET, "/favicon.ico"),
			Rule.anyone(null, "/error"),
			// Meta sends a person who asked for their data to be deleted here: public.
			Rule.anyone(HttpMethod.GET, "/privacy/deletions/*"),
			// The steps of a sign-in (see SignInSteps), and signing out at any point.
			Rule.step(null, "/login/two-factor", Step.TWO_FACTOR),
			Rule.step(null, "/account/password", Step.CHANGE_PASSWORD, EVERY_ROLE),
			Rule.step(null, "/account/two-factor", Step.ENROL_TWO_FACTOR, EVERY_ROLE),
			Rule.step(null, "/account/two-factor/**", Step.ENROL_TWO_FACTOR, EVERY_ROLE),
			Rule.signedIn(HttpMethod.POST, "/logout"),
			// Everyone signed in: the home page, their own account and API tokens, the API docs.
			Rule.roles(HttpMethod.GET, "/", EVERY_ROLE),
			Rule.roles(null, "/account", EVERY_ROLE),
			Rule.roles(null, "/account/**", EVERY_ROLE),
			Rule.roles(HttpMethod.GET, "/api-docs", EVERY_ROLE),
			Rule.roles(HttpMethod.GET, "/api-docs.yaml", EVERY_ROLE),
			Rule.roles(HttpMethod.GET, "/api-docs/**", EVERY_ROLE),
			// The cockpit: everyone reads the dashboard, leads and deliveries; editors
			// reprocess leads and replay, edit or discard deliveries.
			Rule.roles(HttpMethod.GET, "/dashboard/**", EVERY_ROLE),
			Rule.roles(HttpMethod.GET, "/leads", EVERY_ROLE),
			Rule.roles(HttpMethod.GET, "/leads/**", EVERY_ROLE),
			Rule.roles(null, "/leads/**", EDITORS),
			Rule.roles(HttpMethod.GET, "/deliveries", EVERY_ROLE),
			// The edit form shows a delivery's data unmasked: editors only.
			Rule.roles(null, "/deliveries/*/edit", EDITORS),
			Rule.roles(HttpMethod.GET, "/deliveries/**", EVERY_ROLE),
			Rule.roles(null, "/deliveries/**", EDITORS),
			// Users, settings and the audit log: admins only, in the pages and the API.
			Rule.roles(HttpMethod.GET, "/setup", EVERY_ROLE),
			Rule.roles(null, "/pages/connect", EDITORS),
			Rule.roles(null, "/pages/connect/**", EDITORS),
			// The forms that add a page by hand and confirm a disconnection: editors only.
			Rule.roles(null, "/pages/new", EDITORS),
			Rule.roles(null, "/pages/*/disconnect", EDITORS),
			Rule.roles(HttpMethod.GET, "/pages", EVERY_ROLE),
			Rule.roles(HttpMethod.GET, "/pages/**", EVERY_ROLE),
			Rule.roles(null, "/pages/**", EDITORS),
			Rule.roles(HttpMethod.GET, "/forms", EVERY_ROLE),
			Rule.roles(HttpMethod.GET, "/forms/**", EVERY_ROLE),
			Rule.roles(null, "/forms/**", EDITORS),
			Rule.roles(HttpMethod.GET, "/destinations", EVERY_ROLE),
			Rule.roles(HttpMethod.GET, "/destinations/**", EVERY_ROLE),
			Rule.roles(null, "/destinations/**", EDITORS),
			Rule.roles(HttpMethod.GET, "/mappings", EVERY_ROLE),
			Rule.roles(HttpMethod.GET, "/mappings/**", EVERY_ROLE),
			Rule.roles(null, "/mappings/**", EDITORS),
			Rule.roles(null, "/settings", Role.ADMIN),
			Rule.roles(null, "/settings/**", Role.ADMIN),
			Rule.roles(null, "/users", Role.ADMIN),
			Rule.roles(null, "/users/**", Role.ADMIN),
			Rule.roles(null, "/api/v1/users", Role.ADMIN),
			Rule.roles(null, "/api/v1/users/**", Role.ADMIN),
			Rule.roles(null, "/audit", Role.ADMIN),
			Rule.roles(null, "/audit/**", Role.ADMIN),
			Rule.roles(null, "/api/v1/audit", Role.ADMIN),
			Rule.roles(null, "/api/v1/audit/**", Role.ADMIN),
			// Finding, exporting and erasing one person: admins only.
			Rule.roles(null, "/privacy", Role.ADMIN),
			Rule.roles(null, "/privacy/**", Role.ADMIN),
			Rule.roles(null, "/api/v1/privacy", Role.ADMIN),
			Rule.roles(null, "/api/v1/privacy/**", Role.ADMIN),
			Rule.roles(null, "/api/v1/alerts", Role.ADMIN),
			Rule.roles(null, "/api/v1/alerts/**", Role.ADMIN),
			// The API: every role reads and previews mappings; editors change pages,
			// destinations and mappings, replay, edit and discard deliveries, reprocess
			// leads, send test leads and backfills.
			Rule.roles(HttpMethod.GET, "/api/v1/**", EVERY_ROLE),
			Rule.roles(HttpMethod.POST, "/api/v1/mappings/preview", EVERY_ROLE),
			Rule.roles(null, "/api/v1/mappings", EDITORS),
			Rule.roles(null, "/api/v1/mappings/**", EDITORS),
			Rule.roles(null, "/api/v1/pages", EDITORS),
			Rule.roles(null, "/api/v1/pages/**", EDITORS),
			Rule.roles(null, "/api/v1/destinations", EDITORS),
			Rule.roles(null, "/api/v1/destinations/**", EDITORS),
			Rule.roles(null, "/api/v1/deliveries/**", EDITORS),
			Rule.roles(null, "/api/v1/leads/**", EDITORS));
	// @formatter:on

	private AccessPolicy() {
	}

	/** Every rule, in the order they are checked. */
	public static List<Rule> rules() {
		return RULES;
	}

	/** The rule that decides a request, if any does. */
	public static Optional<Rule> ruleFor(HttpMethod method, String path) {
		PathContainer container = PathContainer.parsePath(path);
		return RULES.stream().filter((rule) -> rule.matches(method, container)).findFirst();
	}

	/**
	 * One line of the policy.
	 *
	 * @param method the method it is for; {@code null} for any
	 * @param pattern the paths it is for, as a Spring path pattern
	 * @param anyone whether it needs no sign-in at all
	 * @param authorities the authorities any of which it wants (roles as {@code ROLE_*},
	 * sign-in steps as {@code STEP_*}); empty with {@code anyone} false: any signed-in
	 * session, whatever step it is at
	 */
	public record Rule(HttpMethod method, String pattern, boolean anyone, List<String> authorities) {

		private static final PathPatternParser PARSER = new PathPatternParser();

		static Rule anyone(HttpMethod method, String pattern) {
			return new Rule(method, pattern, true, List.of());
		}

		static Rule signedIn(HttpMethod method, String pattern) {
			return new Rule(method, pattern, false, List.of());
		}

		static Rule roles(HttpMethod method, String pattern, Role... roles) {
			return new Rule(method, pattern, false, Arrays.stream(roles).map(Role::authority).toList());
		}

		static Rule step(HttpMethod method, String pattern, Step step, Role... roles) {
			return new Rule(method, pattern, false,
					Stream.concat(Stream.of(step.authority()), Arrays.stream(roles).map(Role::authority)).toList());
		}

		boolean matches(HttpMethod method, PathContainer path) {
			return (this.method == null || this.method.equals(method)) && pathPattern().matches(path);
		}

		private PathPattern pathPattern() {
			return PARSER.parse(this.pattern);
		}

	}

}
