package io.leadrelay.security.users;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A user who was just given a password by an admin, with the one-time password when
 * LeadRelay generated it. The password is shown this once and stored only as a hash.
 *
 * @param user the user
 * @param oneTimePassword the generated password, or {@code null} when the admin chose it
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record IssuedPassword(UserView user, String oneTimePassword) {

	@Override
	public String toString() {
		return "IssuedPassword[user=" + this.user.username() + "]";
	}

}
