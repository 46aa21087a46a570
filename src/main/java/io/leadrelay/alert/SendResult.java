package io.leadrelay.alert;

/**
 * What sending to a channel came to.
 *
 * @param sent whether the mail server or the webhook took the message
 * @param message what happened, in words: who took it, or the server's error
 */
public record SendResult(boolean sent, String message) {

	static SendResult sent(String message) {
		return new SendResult(true, message);
	}

	static SendResult failed(String message) {
		return new SendResult(false, message);
	}

}
