package io.leadrelay.delivery.fields;

import io.leadrelay.delivery.ConnectorHttp;
import io.leadrelay.delivery.HttpReply;

/**
 * The CRM did not list its fields; the fields kept from the last read stay. The message
 * says why, with the CRM's own words where it gave some, and never a credential.
 */
public class FieldReadException extends RuntimeException {

	public FieldReadException(String message) {
		super(message);
	}

	/**
	 * What an unsuccessful reply comes to.
	 * @param crm the CRM's name, such as {@code HubSpot}
	 * @param status the HTTP status it answered
	 * @param words what it said, {@code null} when it said nothing readable
	 */
	public static FieldReadException answered(String crm, int status, String words) {
		String said = (words == null || words.isBlank()) ? "" : ": \"" + ConnectorHttp.shorten(words.strip()) + "\"";
		String hint = switch (status) {
			case 401 -> ". Check the destination's credentials: " + crm + " did not accept them.";
			case 403 -> ". The credentials lack a permission to read the fields.";
			case 429 -> ". " + crm + " asks to slow down; try again in a minute.";
			default -> (status >= 500) ? ". Try again in a moment." : ".";
		};
		return new FieldReadException(crm + " answered HTTP " + status + said + hint);
	}

	/** What a call without a reply comes to. */
	public static FieldReadException noReply(HttpReply.NoReply reply) {
		return new FieldReadException(reply.reason() + ".");
	}

}
