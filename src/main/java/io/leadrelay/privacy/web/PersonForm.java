package io.leadrelay.privacy.web;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.StringJoiner;

/**
 * The privacy search form: an email, a phone number or a lead id.
 */
public class PersonForm {

	private String email;

	private String phone;

	private String leadgenId;

	public String getEmail() {
		return this.email;
	}

	public void setEmail(String email) {
		this.email = email;
	}

	public String getPhone() {
		return this.phone;
	}

	public void setPhone(String phone) {
		this.phone = phone;
	}

	public String getLeadgenId() {
		return this.leadgenId;
	}

	public void setLeadgenId(String leadgenId) {
		this.leadgenId = leadgenId;
	}

	boolean isEmpty() {
		return blank(this.email) && blank(this.phone) && blank(this.leadgenId);
	}

	/** The form as a query string, for the export and erase links. */
	public String query() {
		StringJoiner query = new StringJoiner("&");
		add(query, "email", this.email);
		add(query, "phone", this.phone);
		add(query, "leadgenId", this.leadgenId);
		return query.toString();
	}

	// URLEncoder, not UriComponentsBuilder: a phone's "+" must arrive as "+", not as a
	// space.
	private static void add(StringJoiner query, String name, String value) {
		if (!blank(value)) {
			query.add(name + "=" + URLEncoder.encode(value.trim(), StandardCharsets.UTF_8));
		}
	}

	private static boolean blank(String value) {
		return value == null || value.isBlank();
	}

}
