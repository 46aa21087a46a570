package io.leadrelay.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;

import com.github.tomakehurst.wiremock.extension.Extension;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;

/**
 * The Graph API as WireMock, at one address for the whole test JVM: every
 * {@link LeadRelayIntegrationTest} context is given it, so that test classes sharing a
 * context find the Graph API where the context was told it is. Each class registers its
 * own {@link #extension extension}, which serves on that port while the class runs.
 */
public final class SharedGraphApi {

	private static final int PORT = freePort();

	private SharedGraphApi() {
	}

	/** The Graph API's base URL, as {@code leadrelay.graph.base-url}. */
	public static String baseUrl() {
		return "http://localhost:" + PORT;
	}

	/**
	 * A WireMock extension serving the Graph API on the shared port, with the given
	 * WireMock extensions.
	 */
	public static WireMockExtension extension(Extension... extensions) {
		return WireMockExtension.newInstance()
			.options(wireMockConfig().port(PORT).extensions(new GraphBatchStandIn()).extensions(extensions))
			.build();
	}

	private static int freePort() {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not find a free port for the Graph API", ex);
		}
	}

}
