package io.leadrelay.security.users;

/**
 * What the "Add a user" form sends.
 */
class UserForm {

	private String username = "";

	private String role = "MARKETER";

	public String getUsername() {
		return this.username;
	}

	public void setUsername(String username) {
		this.username = (username != null) ? username.trim() : "";
	}

	public String getRole() {
		return this.role;
	}

	public void setRole(String role) {
		this.role = role;
	}

}
