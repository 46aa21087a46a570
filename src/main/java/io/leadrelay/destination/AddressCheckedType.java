package io.leadrelay.destination;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Map;

import io.leadrelay.destination.spi.DestinationType;
import io.leadrelay.destination.spi.OutboundAddresses;

/**
 * A destination type whose settings are also refused when one of them is an http or https
 * URL that {@link OutboundAddresses} refuses: whatever field a type names its addresses
 * in ({@code url}, {@code baseUrl}, {@code loginUrl}), none can point at the host's own
 * network.
 */
final class AddressCheckedType implements DestinationType {

	private final DestinationType type;

	private final OutboundAddresses addresses;

	AddressCheckedType(DestinationType type, OutboundAddresses addresses) {
		this.type = type;
		this.addresses = addresses;
	}

	@Override
	public String code() {
		return this.type.code();
	}

	@Override
	public Map<String, String> settings(Map<String, String> given) {
		Map<String, String> settings = this.type.settings(given);
		settings.forEach((name, value) -> {
			URI url = webUrl(value);
			if (url != null) {
				this.addresses.refusal(url).ifPresent((why) -> {
					throw new InvalidDestinationException("settings." + name, "settings." + name + " " + why);
				});
			}
		});
		return settings;
	}

	String typeName() {
		return this.type.getClass().getName();
	}

	@Override
	public void checkCredentials(Map<String, String> settings, Map<String, String> credentials) {
		this.type.checkCredentials(settings, credentials);
	}

	private static URI webUrl(String value) {
		if (value == null) {
			return null;
		}
		try {
			URI uri = new URI(value.strip());
			boolean web = "http".equalsIgnoreCase(uri.getScheme()) || "https".equalsIgnoreCase(uri.getScheme());
			return (web && uri.getHost() != null) ? uri : null;
		}
		catch (URISyntaxException ex) {
			return null;
		}
	}

}
