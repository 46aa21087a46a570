package io.leadrelay.delivery;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpRequest;
import java.security.Security;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.ok;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Which addresses calls to destinations may reach: none of the host's own networks,
 * however written, unless ops allow them; checked on every address a name has at the
 * moment of the call.
 */
class NetworkGuardTests {

	@RegisterExtension
	static WireMockExtension receiver = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

	final NetworkGuard strict = new NetworkGuard(List.of(), HostResolver.SYSTEM);

	@ParameterizedTest(name = "{0}")
	@CsvSource(delimiter = '|', textBlock = """
			127.0.0.1                 | a loopback address (127.0.0.1)
			127.1.2.3                 | a loopback address (127.1.2.3)
			[::1]                     | a loopback address (::1)
			[::ffff:127.0.0.1]        | a loopback address (::ffff:127.0.0.1)
			169.254.169.254           | a link-local address (169.254.169.254)
			[::ffff:169.254.169.254]  | a link-local address (::ffff:169.254.169.254)
			[fe80::1]                 | a link-local address (fe80::1)
			10.1.2.3                  | a private address (10.1.2.3)
			172.16.0.1                | a private address (172.16.0.1)
			172.31.255.255            | a private address (172.31.255.255)
			192.168.1.1               | a private address (192.168.1.1)
			[fd12:3456::1]            | a private address (fd12:3456::1)
			[::10.0.0.1]              | a private address (::10.0.0.1)
			100.64.0.1                | a shared (CGNAT) address (100.64.0.1)
			0.0.0.0                   | an unspecified address (0.0.0.0)
			[::]                      | an unspecified address (::)
			224.0.0.251               | a multicast address (224.0.0.251)
			[ff02::1]                 | a multicast address (ff02::1)
			255.255.255.255           | a reserved address (255.255.255.255)
			""")
	void refusesTheHostsOwnNetworksHoweverWritten(String host, String why) {
		assertThat(this.strict.refusal(URI.create("https://" + host + ":8443/hook"))).hasValue("points at " + why
				+ ", which destinations may not reach; ops may allow it with leadrelay.delivery.allowed-networks");
	}

	@ParameterizedTest
	@ValueSource(
			strings = { "93.184.216.34", "8.8.8.8", "172.32.0.1", "100.128.0.1", "192.169.0.1", "[2606:4700::1111]" })
	void acceptsPublicAddresses(String host) {
		assertThat(this.strict.refusal(URI.create("https://" + host + "/hook"))).isEmpty();
	}

	@Test
	void letsThroughOnlyTheNetworksOpsAllow() {
		NetworkGuard guard = new NetworkGuard(List.of("10.20.0.0/16", "fd00::/8"), HostResolver.SYSTEM);
		assertThat(guard.refusal(URI.create("http://10.20.30.40/"))).isEmpty();
		assertThat(guard.refusal(URI.create("http://[::ffff:10.20.30.40]/"))).isEmpty();
		assertThat(guard.refusal(URI.create("http://[fd00::5]/"))).isEmpty();
		assertThat(guard.refusal(URI.create("http://10.21.0.1/"))).isPresent();
		assertThat(guard.refusal(URI.create("http://169.254.169.254/"))).isPresent();
	}

	@Test
	void refusesANameWhenAnyOfItsAddressesIsRefusedAndAcceptsOneThatDoesNotResolveAtSave() {
		NetworkGuard guard = new NetworkGuard(List.of(),
				names(Map.of("hooks.example.com", "93.184.216.34,10.0.0.7", "crm.example.com", "93.184.216.34")));
		assertThat(guard.refusal(URI.create("https://hooks.example.com/in"))).hasValue(
				"points at a private address (hooks.example.com resolves to 10.0.0.7), which destinations may not reach; "
						+ "ops may allow it with leadrelay.delivery.allowed-networks");
		assertThat(guard.refusal(URI.create("https://crm.example.com/in"))).isEmpty();
		assertThat(guard.refusal(URI.create("https://not-yet.example.com/in"))).isEmpty();
		assertThatExceptionOfType(UnknownHostException.class)
			.isThrownBy(() -> guard.check(URI.create("https://not-yet.example.com/in")));
	}

	@Test
	void refusesACallWhoseNameRebindsToLoopbackAfterTheSaveWithoutSendingIt() {
		Rebinding resolver = new Rebinding("93.184.216.34");
		NetworkGuard guard = new NetworkGuard(List.of(), resolver);
		URI url = URI.create(receiver.baseUrl() + "/hook");
		assertThat(url.getHost()).isEqualTo("localhost");
		assertThat(guard.refusal(url)).isEmpty();

		resolver.answer = "127.0.0.1";
		receiver.stubFor(any(anyUrl()).willReturn(ok()));
		HttpReply reply = new ConnectorHttp("The webhook", ConnectorTimeouts.DEFAULT.guardedBy(guard))
			.send(HttpRequest.newBuilder(url).POST(HttpRequest.BodyPublishers.ofString("{}")), "sending the lead");

		assertThat(reply).isInstanceOfSatisfying(HttpReply.NoReply.class, (none) -> assertThat(none.outcome())
			.isEqualTo(new DeliveryOutcome.Permanent(
					"The webhook was not called while sending the lead: the URL points at a loopback address "
							+ "(localhost resolves to 127.0.0.1), which destinations may not reach; ops may allow it "
							+ "with leadrelay.delivery.allowed-networks",
					null, "address_refused")));
		assertThat(receiver.getAllServeEvents()).isEmpty();
	}

	@Test
	void neverFollowsARedirect() {
		receiver.stubFor(get("/hook").willReturn(aResponse().withStatus(302).withHeader("Location", "/elsewhere")));
		receiver.stubFor(get("/elsewhere").willReturn(ok("followed")));
		HttpReply reply = new ConnectorHttp("The webhook", ConnectorTimeouts.DEFAULT)
			.send(HttpRequest.newBuilder(URI.create(receiver.baseUrl() + "/hook")).GET(), "sending the lead");
		assertThat(reply).isInstanceOfSatisfying(HttpReply.Replied.class,
				(replied) -> assertThat(replied.status()).isEqualTo(302));
		assertThat(receiver.getAllServeEvents()).hasSize(1);
	}

	@Test
	void refusesToStartWithABlockThatIsNotOneNamingTheKey() {
		new ApplicationContextRunner().withUserConfiguration(Properties.class)
			.withPropertyValues("leadrelay.delivery.allowed-networks=127.0.0.0/8,10.0.0.0/33")
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.rootCause()
				.hasMessage(
						"leadrelay.delivery.allowed-networks[1]: '10.0.0.0/33' has a prefix length outside 0 to 32"));
		new ApplicationContextRunner().withUserConfiguration(Properties.class)
			.withPropertyValues("leadrelay.delivery.allowed-networks=intranet.local")
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.rootCause()
				.hasMessage("leadrelay.delivery.allowed-networks[0]: 'intranet.local' is not a block of addresses "
						+ "such as 10.0.0.0/8 or fc00::/7"));
	}

	@Test
	void keepsTheJvmsDnsAnswersLongerThanACall() {
		String before = Security.getProperty("networkaddress.cache.ttl");
		try {
			Security.setProperty("networkaddress.cache.ttl", "0");
			NetworkGuard.keepDnsAnswers();
			assertThat(Security.getProperty("networkaddress.cache.ttl")).isEqualTo("30");
			Security.setProperty("networkaddress.cache.ttl", "-1");
			NetworkGuard.keepDnsAnswers();
			assertThat(Security.getProperty("networkaddress.cache.ttl")).isEqualTo("-1");
		}
		finally {
			Security.setProperty("networkaddress.cache.ttl", (before != null) ? before : "30");
		}
		assertThat(ConnectorTimeouts.DEFAULT.request()).isLessThan(Duration.ofSeconds(NetworkGuard.DNS_CACHE_SECONDS));
	}

	private static HostResolver names(Map<String, String> answers) {
		return (host) -> {
			String answer = answers.get(host);
			if (answer == null) {
				throw new UnknownHostException(host);
			}
			String[] addresses = answer.split(",");
			InetAddress[] resolved = new InetAddress[addresses.length];
			for (int i = 0; i < addresses.length; i++) {
				resolved[i] = InetAddress.getByName(addresses[i]);
			}
			return resolved;
		};
	}

	/**
	 * Answers {@code localhost} with whatever it is told, as a rebinding DNS server does.
	 */
	static final class Rebinding implements HostResolver {

		volatile String answer;

		Rebinding(String answer) {
			this.answer = answer;
		}

		@Override
		public InetAddress[] resolve(String host) throws UnknownHostException {
			if ("localhost".equals(host)) {
				return new InetAddress[] {
						InetAddress.getByAddress(host, InetAddress.getByName(this.answer).getAddress()) };
			}
			return InetAddress.getAllByName(host);
		}

	}

	@Configuration(proxyBeanMethods = false)
	@EnableConfigurationProperties(DeliveryProperties.class)
	static class Properties {

	}

}
