package io.leadrelay.delivery;

import java.math.BigInteger;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.regex.Pattern;

/**
 * A block of IP addresses written in CIDR notation, such as {@code 10.0.0.0/8} or
 * {@code fc00::/7}; a bare address is a block of one.
 *
 * @param network the first address of the block
 * @param prefix how many leading bits every address of the block shares with it
 * @param text the block as written
 */
record IpRange(byte[] network, int prefix, String text) {

	private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");

	/**
	 * Reads a block; never looks a name up.
	 * @throws IllegalArgumentException when it is not an IPv4 or IPv6 block
	 */
	static IpRange parse(String cidr) {
		String text = (cidr != null) ? cidr.strip() : "";
		int slash = text.indexOf('/');
		String address = (slash >= 0) ? text.substring(0, slash) : text;
		if (!IPV4.matcher(address).matches() && !address.contains(":")) {
			throw new IllegalArgumentException(
					"'" + text + "' is not a block of addresses such as 10.0.0.0/8 or fc00::/7");
		}
		byte[] bytes;
		try {
			bytes = unmapped(InetAddress.getByName(address)).getAddress();
		}
		catch (UnknownHostException ex) {
			throw new IllegalArgumentException(
					"'" + text + "' is not a block of addresses such as 10.0.0.0/8 or fc00::/7");
		}
		int prefix = bytes.length * 8;
		if (slash >= 0) {
			try {
				prefix = Integer.parseInt(text.substring(slash + 1));
			}
			catch (NumberFormatException ex) {
				prefix = -1;
			}
			if (prefix < 0 || prefix > bytes.length * 8) {
				throw new IllegalArgumentException(
						"'" + text + "' has a prefix length outside 0 to " + (bytes.length * 8));
			}
		}
		return new IpRange(bytes, prefix, text);
	}

	/** Whether the address is in this block (IPv4-mapped IPv6 addresses as IPv4). */
	boolean contains(InetAddress address) {
		byte[] bytes = unmapped(address).getAddress();
		if (bytes.length != this.network.length) {
			return false;
		}
		int bits = bytes.length * 8;
		BigInteger mask = BigInteger.ONE.shiftLeft(bits)
			.subtract(BigInteger.ONE)
			.xor(BigInteger.ONE.shiftLeft(bits - this.prefix).subtract(BigInteger.ONE));
		return new BigInteger(1, bytes).and(mask).equals(new BigInteger(1, this.network).and(mask));
	}

	/**
	 * The IPv4 address an IPv6 address carries in its last four bytes when it is
	 * IPv4-mapped ({@code ::ffff:a.b.c.d}) or IPv4-compatible ({@code ::a.b.c.d}), which
	 * reach that IPv4 host; otherwise the address itself.
	 */
	static InetAddress unmapped(InetAddress address) {
		if (!(address instanceof Inet6Address)) {
			return address;
		}
		byte[] bytes = address.getAddress();
		boolean zeros = Arrays.equals(bytes, 0, 10, new byte[10], 0, 10);
		boolean mapped = zeros && bytes[10] == (byte) 0xff && bytes[11] == (byte) 0xff;
		boolean compatible = zeros && bytes[10] == 0 && bytes[11] == 0
				&& !(bytes[12] == 0 && bytes[13] == 0 && bytes[14] == 0 && (bytes[15] == 0 || bytes[15] == 1));
		if (!mapped && !compatible) {
			return address;
		}
		try {
			return InetAddress.getByAddress(Arrays.copyOfRange(bytes, 12, 16));
		}
		catch (UnknownHostException ex) {
			throw new IllegalStateException(ex);
		}
	}

	@Override
	public boolean equals(Object other) {
		return other instanceof IpRange range && Arrays.equals(this.network, range.network)
				&& this.prefix == range.prefix;
	}

	@Override
	public int hashCode() {
		return 31 * Arrays.hashCode(this.network) + this.prefix;
	}

	@Override
	public String toString() {
		return this.text;
	}

}
