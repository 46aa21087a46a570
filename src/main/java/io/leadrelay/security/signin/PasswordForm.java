package io.leadrelay.security.signin;

/**
 * What the password page posts: the password the user has now (not asked when changing a
 * generated one, which was just typed to sign in), the new one, and the new one again. A
 * bean rather than a record, for the form tags and field errors that read it.
 */
public class PasswordForm {

	private String current;

	private String password;

	private String confirmation;

	public String getCurrent() {
		return this.current;
	}

	public void setCurrent(String current) {
		this.current = current;
	}

	public String getPassword() {
		return this.password;
	}

	public void setPassword(String password) {
		this.password = password;
	}

	public String getConfirmation() {
		return this.confirmation;
	}

	public void setConfirmation(String confirmation) {
		this.confirmation = confirmation;
	}

	@Override
	public String toString() {
		return "PasswordForm[passwords not shown]";
	}

}
