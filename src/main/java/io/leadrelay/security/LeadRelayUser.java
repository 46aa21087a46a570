package io.leadrelay.security;

import java.time.Instant;
import java.util.Collection;
import java.util.List;

import org.springframework.security.core.CredentialsContainer;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

/**
 * A user as signed in: who they are, what they may do, and what they still have to do
 * before they may (change a generated password, give a second factor). The authorities
 * are the user's role; {@link SignInSteps} decides what the session is granted.
 */
public final class LeadRelayUser implements UserDetails, CredentialsContainer {

	private final long id;

	private final String username;

	private String passwordHash;

	private final Role role;

	private final boolean enabled;

	private final boolean mustChangePassword;

	private final boolean twoFactorEnabled;

	private final Instant passwordChangedAt;

	public LeadRelayUser(long id, String username, String passwordHash, Role role, boolean enabled,
			boolean mustChangePassword, boolean twoFactorEnabled, Instant passwordChangedAt) {
		this.id = id;
		this.username = username;
		this.passwordHash = passwordHash;
		this.role = role;
		this.enabled = enabled;
		this.mustChangePassword = mustChangePassword;
		this.twoFactorEnabled = twoFactorEnabled;
		this.passwordChangedAt = passwordChangedAt;
	}

	public long id() {
		return this.id;
	}

	public String username() {
		return this.username;
	}

	public Role role() {
		return this.role;
	}

	/** Whether the password was generated (at the first start, or by a reset). */
	public boolean mustChangePassword() {
		return this.mustChangePassword;
	}

	public boolean twoFactorEnabled() {
		return this.twoFactorEnabled;
	}

	/** When the user last chose a password; {@code null} if never (a generated one). */
	public Instant passwordChangedAt() {
		return this.passwordChangedAt;
	}

	@Override
	public Collection<? extends GrantedAuthority> getAuthorities() {
		return List.of(new SimpleGrantedAuthority(this.role.authority()));
	}

	@Override
	public String getPassword() {
		return this.passwordHash;
	}

	@Override
	public String getUsername() {
		return this.username;
	}

	@Override
	public boolean isEnabled() {
		return this.enabled;
	}

	@Override
	public void eraseCredentials() {
		this.passwordHash = null;
	}

	@Override
	public boolean equals(Object other) {
		return (other instanceof LeadRelayUser user) && user.id == this.id;
	}

	@Override
	public int hashCode() {
		return Long.hashCode(this.id);
	}

	@Override
	public String toString() {
		return "LeadRelayUser[" + this.username + ", " + this.role + "]";
	}

}
