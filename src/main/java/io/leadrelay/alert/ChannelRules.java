package io.leadrelay.alert;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

import io.leadrelay.delivery.NetworkGuard;

/**
 * What a channel must be to be saved: a name; for email, one to 20 addresses; for a
 * webhook, an https URL (plain http only when ops allow it) whose host delivery webhooks
 * could reach too (the same {@link NetworkGuard}: no private, loopback or cloud metadata
 * address unless allowed).
 */
class ChannelRules {

	static final int MAX_RECIPIENTS = 20;

	// Deliberately simple: something@domain.tld, no spaces; the mail server has the last
	// word.
	private static final Pattern EMAIL = Pattern.compile("[^@\\s,;<>\"]+@[^@\\s,;<>\"]+\\.[^@\\s,;<>\".]{2,}");

	private final NetworkGuard guard;

	private final boolean allowPlainHttp;

	ChannelRules(NetworkGuard guard, boolean allowPlainHttp) {
		this.guard = guard;
		this.allowPlainHttp = allowPlainHttp;
	}

	static String name(String name) {
		String trimmed = (name != null) ? name.strip() : "";
		if (trimmed.isEmpty() || trimmed.length() > 100) {
			throw new InvalidChannelException("name", "name must be 1 to 100 characters");
		}
		return trimmed;
	}

	static List<String> recipients(String recipients) {
		List<String> addresses = Arrays.stream(((recipients != null) ? recipients : "").split("[,;\\s]+"))
			.filter((address) -> !address.isEmpty())
			.distinct()
			.toList();
		if (addresses.isEmpty()) {
			throw new InvalidChannelException("recipients",
					"enter at least one email address, such as ops@example.com");
		}
		if (addresses.size() > MAX_RECIPIENTS) {
			throw new InvalidChannelException("recipients", "enter at most " + MAX_RECIPIENTS + " email addresses");
		}
		for (String address : addresses) {
			if (!EMAIL.matcher(address).matches()) {
				throw new InvalidChannelException("recipients",
						"'" + address + "' is not an email address, such as ops@example.com");
			}
		}
		return addresses;
	}

	URI webhookUrl(String url) {
		String trimmed = (url != null) ? url.strip() : "";
		if (trimmed.isEmpty()) {
			throw new InvalidChannelException("webhookUrl", "webhook URL is required");
		}
		URI uri;
		try {
			uri = new URI(trimmed);
		}
		catch (URISyntaxException ex) {
			throw new InvalidChannelException("webhookUrl",
					"webhook URL is not a URL, such as https://hooks.slack.com/services/...");
		}
		boolean https = "https".equalsIgnoreCase(uri.getScheme());
		boolean http = "http".equalsIgnoreCase(uri.getScheme());
		if (!https && !(http && this.allowPlainHttp)) {
			throw new InvalidChannelException("webhookUrl", "webhook URL must start with https://");
		}
		if (uri.getHost() == null || trimmed.length() > 2000) {
			throw new InvalidChannelException("webhookUrl", "webhook URL must name a host, in at most 2000 characters");
		}
		Optional<String> refusal = this.guard.refusal(uri);
		if (refusal.isPresent()) {
			throw new InvalidChannelException("webhookUrl", "webhook URL " + refusal.get());
		}
		return uri;
	}

}
