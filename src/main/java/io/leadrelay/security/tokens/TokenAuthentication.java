package io.leadrelay.security.tokens;

import io.leadrelay.security.LeadRelayUser;

import org.springframework.security.authentication.AbstractAuthenticationToken;

/**
 * A request signed in with an API token: its owner, with the owner's role.
 */
final class TokenAuthentication extends AbstractAuthenticationToken {

	private final LeadRelayUser owner;

	private final long tokenId;

	TokenAuthentication(LeadRelayUser owner, long tokenId) {
		super(owner.getAuthorities());
		this.owner = owner;
		this.tokenId = tokenId;
		setAuthenticated(true);
	}

	@Override
	public Object getCredentials() {
		return null;
	}

	@Override
	public LeadRelayUser getPrincipal() {
		return this.owner;
	}

	long tokenId() {
		return this.tokenId;
	}

	@Override
	public boolean equals(Object other) {
		return (other instanceof TokenAuthentication that) && this.tokenId == that.tokenId && super.equals(other);
	}

	@Override
	public int hashCode() {
		return 31 * super.hashCode() + Long.hashCode(this.tokenId);
	}

}
