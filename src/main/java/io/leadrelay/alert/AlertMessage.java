package io.leadrelay.alert;

/**
 * What a channel sends: a subject (an email's subject, a chat message's first line) and
 * plain text. Never holds a lead's personal data, but for a new-lead notification's
 * chosen fields.
 *
 * @param subject one line
 * @param text the body, plain text
 */
public record AlertMessage(String subject, String text) {

	/** The message as one chat post: the subject in bold, then the text. */
	String chatText() {
		return "*" + this.subject + "*\n" + this.text;
	}

}
