package io.leadrelay.delivery;

import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.security.Security;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.leadrelay.destination.spi.OutboundAddresses;

/**
 * Keeps destinations from being turned against the host: no call leaves for a loopback,
 * link-local (cloud metadata at {@code 169.254.169.254}), private, shared (CGNAT),
 * unspecified, multicast or reserved address, written as IPv4, IPv6 or IPv4-mapped IPv6,
 * unless ops allow its block with {@value #ALLOWED_NETWORKS}.
 * <p>
 * Checked twice: when a destination is saved ({@link #refusal}), and before every call,
 * on every address the host resolves to then, so that a name that answered a public
 * address at save and answers {@code 127.0.0.1} now (DNS rebinding) is refused. The JDK
 * {@code HttpClient} cannot be handed the address we checked (Java 17 has no resolver
 * hook; connecting to the IP literal would lose SNI and hostname verification for HTTPS),
 * so it looks the name up again itself. Both lookups go through the JVM's cache of
 * answers, which {@link #keepDnsAnswers()} makes sure is on: within its time to live they
 * see the same answer. What remains is the moment a cached answer expires between our
 * lookup and the client's, a few milliseconds after the check; a resolver that changes
 * its answer then is not caught.
 */
public final class NetworkGuard implements OutboundAddresses {

	/** The key that lists the blocks ops allow. */
	public static final String ALLOWED_NETWORKS = "leadrelay.delivery.allowed-networks";

	/** How long, at least, the JVM keeps a name's answer: longer than a whole call. */
	static final int DNS_CACHE_SECONDS = 30;

	private static final String DNS_CACHE_TTL = "networkaddress.cache.ttl";

	private static final Map<String, List<IpRange>> REFUSED = Map.of("a loopback", ranges("127.0.0.0/8", "::1/128"),
			"a link-local", ranges("169.254.0.0/16", "fe80::/10"), "a private",
			ranges("10.0.0.0/8", "172.16.0.0/12", "192.168.0.0/16", "fc00::/7", "fec0::/10"), "a shared (CGNAT)",
			ranges("100.64.0.0/10"), "an unspecified", ranges("0.0.0.0/8", "::/128"), "a multicast",
			ranges("224.0.0.0/4", "ff00::/8"), "a reserved", ranges("240.0.0.0/4"));

	private final List<IpRange> allowed;

	private final HostResolver resolver;

	/**
	 * @param allowedNetworks the blocks ops allow, in CIDR notation
	 * @param resolver how names are looked up
	 */
	public NetworkGuard(List<String> allowedNetworks, HostResolver resolver) {
		this.allowed = allowedNetworks.stream().map(IpRange::parse).toList();
		this.resolver = resolver;
	}

	/**
	 * A guard that allows loopback only: for connectors built in tests, whose stand-ins
	 * listen on {@code localhost}. The engine's connectors get the guard of
	 * {@value #ALLOWED_NETWORKS}.
	 */
	public static NetworkGuard allowingLoopback() {
		return new NetworkGuard(List.of("127.0.0.0/8", "::1/128"), HostResolver.SYSTEM);
	}

	/**
	 * Makes sure the JVM caches the answers of name lookups (Java's default without a
	 * security manager is 30 s; {@code 0} would turn the cache off and let a resolver
	 * answer the client otherwise than the guard). Call before anything resolves a name:
	 * the JVM reads the setting once. A longer time, or {@code -1} (for ever), set by
	 * ops, is kept.
	 */
	public static void keepDnsAnswers() {
		String ttl = Security.getProperty(DNS_CACHE_TTL);
		try {
			int seconds = (ttl != null) ? Integer.parseInt(ttl.strip()) : 0;
			if (seconds == -1 || seconds >= DNS_CACHE_SECONDS) {
				return;
			}
		}
		catch (NumberFormatException ex) {
			// replaced below
		}
		Security.setProperty(DNS_CACHE_TTL, Integer.toString(DNS_CACHE_SECONDS));
	}

	/**
	 * Why a destination may not be saved with this URL: its host is an address, or a name
	 * whose every answer now includes an address, that no call may reach. A name that
	 * does not resolve now is accepted; every call checks it again.
	 */
	@Override
	public Optional<String> refusal(URI url) {
		String host = host(url);
		if (host == null) {
			return Optional.empty();
		}
		try {
			return refused(host, this.resolver.resolve(host));
		}
		catch (UnknownHostException ex) {
			return Optional.empty();
		}
	}

	/**
	 * Checks the host of a call about to be made, on every address it resolves to now.
	 * @throws RefusedAddressException when one of them may not be reached
	 * @throws UnknownHostException when it has none now (the client is not left to look
	 * it up again)
	 */
	void check(URI url) throws IOException {
		String host = host(url);
		if (host == null) {
			throw new RefusedAddressException("the URL names no host");
		}
		Optional<String> refusal = refused(host, this.resolver.resolve(host));
		if (refusal.isPresent()) {
			throw new RefusedAddressException("the URL " + refusal.get());
		}
	}

	/**
	 * An HTTP client that checks every request with this guard before sending it, and
	 * never follows redirects (a destination could otherwise redirect it anywhere).
	 */
	public HttpClient client(HttpClient.Builder builder) {
		return new GuardedHttpClient(builder.followRedirects(HttpClient.Redirect.NEVER).build(), this);
	}

	private Optional<String> refused(String host, InetAddress[] addresses) {
		return Arrays.stream(addresses).map(this::kind).flatMap(Optional::stream).findFirst().map((why) -> {
			String address = why.address().getHostAddress();
			boolean literal = host.contains(":") || host.chars().allMatch((c) -> c == '.' || Character.isDigit(c));
			String which = (literal) ? host : host + " resolves to " + address;
			return "points at " + why.kind() + " address (" + which
					+ "), which destinations may not reach; ops may allow it with " + ALLOWED_NETWORKS;
		});
	}

	private Optional<Refused> kind(InetAddress address) {
		InetAddress plain = IpRange.unmapped(address);
		if (this.allowed.stream().anyMatch((range) -> range.contains(plain))) {
			return Optional.empty();
		}
		return REFUSED.entrySet()
			.stream()
			.filter((kind) -> kind.getValue().stream().anyMatch((range) -> range.contains(plain)))
			.map((kind) -> new Refused(address, kind.getKey()))
			.findFirst();
	}

	private static String host(URI url) {
		String host = url.getHost();
		if (host == null || host.isEmpty()) {
			return null;
		}
		return (host.startsWith("[") && host.endsWith("]")) ? host.substring(1, host.length() - 1) : host;
	}

	private static List<IpRange> ranges(String... cidrs) {
		return Arrays.stream(cidrs).map(IpRange::parse).toList();
	}

	private record Refused(InetAddress address, String kind) {
	}

}
