package io.leadrelay.alert;

import java.time.Instant;
import java.util.List;

/**
 * A channel as an admin sees it: never its webhook URL, which is a secret, only its host.
 *
 * @param id the channel's id
 * @param name what the admin called it
 * @param kind email or webhook
 * @param recipients the addresses of an email channel, empty for a webhook
 * @param webhookHost the host of a webhook channel, {@code null} for email
 * @param enabled whether alerts go to it
 * @param createdAt when it was added
 */
public record ChannelView(long id, String name, ChannelKind kind, List<String> recipients, String webhookHost,
		boolean enabled, Instant createdAt) {

	/** Where it sends, in words: the addresses, or the webhook's host. */
	public String target() {
		return (this.kind == ChannelKind.EMAIL) ? String.join(", ", this.recipients) : this.webhookHost;
	}

}
