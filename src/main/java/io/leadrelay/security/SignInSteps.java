package io.leadrelay.security;

import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.security.web.savedrequest.HttpSessionRequestCache;
import org.springframework.security.web.savedrequest.RequestCache;
import org.springframework.security.web.savedrequest.SavedRequest;

/**
 * Takes a session from "password accepted" to "signed in with the user's role", through
 * the {@link Step steps} the user still owes: a second factor, a new password in place of
 * a generated one, enrolment in two-factor when admins must have it. Until then the
 * session holds only the pending step's authority, so that every other page sends the
 * user back to the step (see {@link AccessPolicy}).
 */
public class SignInSteps {

	private final StoredUsers users;

	private final SecurityProperties properties;

	private final SecurityContextHolderStrategy contexts = SecurityContextHolder.getContextHolderStrategy();

	private final SecurityContextRepository repository = new HttpSessionSecurityContextRepository();

	private final RequestCache requests = new HttpSessionRequestCache();

	SignInSteps(StoredUsers users, SecurityProperties properties) {
		this.users = users;
		this.properties = properties;
	}

	/**
	 * Records that the signed-in user of this request completed {@code completed} (or,
	 * with {@code null}, that something about the user changed, such as their password or
	 * two-factor setting), reads the user again and stores what the session is now
	 * granted.
	 * @return where to send the user: the next step's page, or the page they first asked
	 * for, or the home page
	 */
	public String advance(HttpServletRequest request, HttpServletResponse response, Step completed) {
		Authentication current = this.contexts.getContext().getAuthentication();
		if (current == null || !(current.getPrincipal() instanceof LeadRelayUser signedIn)) {
			return "/login";
		}
		Set<Step> done = (current instanceof SignInProgress progress) ? progress.done() : EnumSet.allOf(Step.class);
		if (completed != null) {
			done.add(completed);
		}
		if (completed == Step.ENROL_TWO_FACTOR) {
			// Enrolment ends with a code from the new app: that is the second factor.
			done.add(Step.TWO_FACTOR);
		}
		Optional<LeadRelayUser> user = this.users.find(signedIn.username()).filter(LeadRelayUser::isEnabled);
		if (user.isEmpty()) {
			this.contexts.clearContext();
			request.getSession().invalidate();
			return "/login";
		}
		return grant(request, response, user.get(), done);
	}

	/** Called once the password is right: the first step, or the user's role. */
	String passwordAccepted(HttpServletRequest request, HttpServletResponse response, LeadRelayUser user) {
		return grant(request, response, user, EnumSet.noneOf(Step.class));
	}

	/** The step the given session still owes, if any. */
	public static Optional<Step> pending(Authentication authentication) {
		return (authentication instanceof SignInProgress progress) ? Optional.of(progress.pending()) : Optional.empty();
	}

	private String grant(HttpServletRequest request, HttpServletResponse response, LeadRelayUser user, Set<Step> done) {
		Optional<Step> next = next(user, done);
		Authentication granted = next.<Authentication>map((step) -> new SignInProgress(user, step, done))
			.orElseGet(() -> UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities()));
		SecurityContext context = this.contexts.createEmptyContext();
		context.setAuthentication(granted);
		this.contexts.setContext(context);
		if (next.isEmpty() && request.getSession(false) != null) {
			// A new session id once the role is granted, like at any sign-in.
			request.changeSessionId();
		}
		this.repository.saveContext(context, request, response);
		if (next.isPresent()) {
			return next.get().page();
		}
		SavedRequest saved = this.requests.getRequest(request, response);
		this.requests.removeRequest(request, response);
		return (saved != null) ? saved.getRedirectUrl() : "/";
	}

	private Optional<Step> next(LeadRelayUser user, Set<Step> done) {
		if (user.twoFactorEnabled() && !done.contains(Step.TWO_FACTOR)) {
			return Optional.of(Step.TWO_FACTOR);
		}
		if (user.mustChangePassword()) {
			return Optional.of(Step.CHANGE_PASSWORD);
		}
		if (this.properties.requireMfaForAdmins() && user.role() == Role.ADMIN && !user.twoFactorEnabled()) {
			return Optional.of(Step.ENROL_TWO_FACTOR);
		}
		return Optional.empty();
	}

}
