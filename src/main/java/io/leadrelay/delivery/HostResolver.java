package io.leadrelay.delivery;

import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * Looks a host name up, as the {@link NetworkGuard} does before every call to a
 * destination. The system's resolver goes through the JVM's cache of answers, the same
 * one the JDK {@code HttpClient} asks when it connects.
 */
@FunctionalInterface
public interface HostResolver {

	/**
	 * {@link InetAddress#getAllByName}: literals as they are, names through the JVM's
	 * cache.
	 */
	HostResolver SYSTEM = InetAddress::getAllByName;

	/**
	 * Every address of the host.
	 * @param host a name or an IP literal (IPv6 without brackets)
	 * @throws UnknownHostException when it has none
	 */
	InetAddress[] resolve(String host) throws UnknownHostException;

}
