package io.leadrelay.alert;

/** How a channel reaches people. */
public enum ChannelKind {

	/**
	 * An email to one or more addresses, through the SMTP server of
	 * {@code spring.mail.*}.
	 */
	EMAIL("email", "Email"),

	/**
	 * A JSON {@code {"text": ...}} posted to an incoming webhook (Slack, Mattermost,
	 * Teams workflows and others that take the same body).
	 */
	WEBHOOK("webhook", "Chat webhook");

	private final String code;

	private final String label;

	ChannelKind(String code, String label) {
		this.code = code;
		this.label = label;
	}

	public String code() {
		return this.code;
	}

	public String label() {
		return this.label;
	}

	static ChannelKind of(String code) {
		for (ChannelKind kind : values()) {
			if (kind.code.equals(code)) {
				return kind;
			}
		}
		throw new InvalidChannelException("kind", "kind must be email or webhook");
	}

}
