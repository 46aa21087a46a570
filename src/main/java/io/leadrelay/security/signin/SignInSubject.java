package io.leadrelay.security.signin;

import java.util.Locale;

/**
 * What failed sign-ins are counted against: a user name (whether or not such a user
 * exists, so that a lockout tells nothing about which names are taken), or the address
 * they came from. An IPv6 address counts as its /64 network, which one machine usually
 * has whole.
 *
 * @param kind user name or address
 * @param value the user name, or the address as text
 */
record SignInSubject(Kind kind, String value) {

	/** The longest value stored; no user name is longer. */
	static final int MAX_LENGTH = 64;

	static SignInSubject user(String username) {
		return new SignInSubject(Kind.USER, truncated((username != null) ? username : ""));
	}

	static SignInSubject address(String address) {
		String value = (address != null) ? address : "unknown";
		if (value.contains(":") && value.contains(".")) {
			// An IPv4 address mapped into IPv6 (::ffff:192.0.2.1) is that IPv4 address.
			value = value.substring(value.lastIndexOf(':') + 1).replace("]", "");
		}
		else if (value.contains(":")) {
			value = ipv6Network(value);
		}
		return new SignInSubject(Kind.ADDRESS, truncated(value));
	}

	private static String truncated(String value) {
		return (value.length() > MAX_LENGTH) ? value.substring(0, MAX_LENGTH) : value;
	}

	/**
	 * The first four groups of an IPv6 address, as {@code 2001:db8:1:2::/64}, or the text
	 * as it is when it is no IPv6 address.
	 */
	static String ipv6Network(String address) {
		try {
			return network(address);
		}
		catch (RuntimeException ex) {
			return address;
		}
	}

	private static String network(String address) {
		String plain = address.replace("[", "").replace("]", "");
		int zone = plain.indexOf('%');
		if (zone >= 0) {
			plain = plain.substring(0, zone);
		}
		String[] halves = plain.split("::", -1);
		String[] head = halves[0].isEmpty() ? new String[0] : halves[0].split(":");
		String[] tail = (halves.length > 1 && !halves[1].isEmpty()) ? halves[1].split(":") : new String[0];
		String[] groups = new String[8];
		for (int i = 0; i < 8; i++) {
			int fromTail = i - (8 - tail.length);
			String group = (i < head.length) ? head[i] : (fromTail >= 0) ? tail[fromTail] : "0";
			groups[i] = Integer.toHexString(Integer.parseInt(group.isEmpty() ? "0" : group, 16));
		}
		return (groups[0] + ":" + groups[1] + ":" + groups[2] + ":" + groups[3] + "::/64").toLowerCase(Locale.ROOT);
	}

	/** What failed sign-ins are counted against. */
	enum Kind {

		USER("user"), ADDRESS("address");

		private final String code;

		Kind(String code) {
			this.code = code;
		}

		String code() {
			return this.code;
		}

		static Kind of(String code) {
			return code.equals(USER.code) ? USER : ADDRESS;
		}

	}

}
