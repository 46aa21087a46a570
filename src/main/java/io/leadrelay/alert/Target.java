package io.leadrelay.alert;

import java.net.URI;
import java.util.List;

/**
 * A channel with what sending needs, its webhook URL decrypted. Kept in memory (the last
 * ones read) so that the database-unreachable alert can still be sent.
 */
record Target(long id, String name, ChannelKind kind, List<String> recipients, URI webhookUrl) {

	@Override
	public String toString() {
		// The webhook URL is a secret.
		return "Target[" + this.id + ", " + this.name + ", " + this.kind.code() + "]";
	}

}
