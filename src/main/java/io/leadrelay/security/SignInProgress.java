package io.leadrelay.security;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/**
 * A session whose password was accepted but that still waits for {@link #pending()}: it
 * holds that step's authority and no role, so that it may open that step's page and
 * nothing else.
 */
final class SignInProgress extends AbstractAuthenticationToken {

	private final LeadRelayUser user;

	private final Step pending;

	private final EnumSet<Step> done;

	SignInProgress(LeadRelayUser user, Step pending, Set<Step> done) {
		super(List.of(new SimpleGrantedAuthority(pending.authority())));
		this.user = user;
		this.pending = pending;
		this.done = EnumSet.noneOf(Step.class);
		this.done.addAll(done);
		setAuthenticated(true);
	}

	Step pending() {
		return this.pending;
	}

	Set<Step> done() {
		return EnumSet.copyOf(this.done);
	}

	@Override
	public Object getCredentials() {
		return null;
	}

	@Override
	public LeadRelayUser getPrincipal() {
		return this.user;
	}

	@Override
	public String getName() {
		return this.user.username();
	}

}
