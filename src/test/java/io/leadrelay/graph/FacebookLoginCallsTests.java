package io.leadrelay.graph;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.leadrelay.support.MutableClock;
import io.leadrelay.support.GraphBatchStandIn;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

class FacebookLoginCallsTests {

	static final String PAGE = "100200300400501";

	@RegisterExtension
	static WireMockExtension graph = GraphBatchStandIn.wireMock();

	@Test
	void acceptsTheInstallConfirmationAsABooleanOrAString() {
		graph.stubFor(
				post(urlPathEqualTo("/v26.0/" + PAGE + "/subscribed_apps")).willReturn(okJson("{\"success\":true}")));
		assertThat(client("1234567890").installApp(PAGE, "page-token")).isEqualTo(new GraphResult.Success<>(true));
		graph.stubFor(post(urlPathEqualTo("/v26.0/" + PAGE + "/subscribed_apps"))
			.willReturn(okJson("{\"success\":\"true\"}")));
		assertThat(client("1234567890").installApp(PAGE, "page-token")).isEqualTo(new GraphResult.Success<>(true));
		graph.verify(2, postRequestedFor(urlPathEqualTo("/v26.0/" + PAGE + "/subscribed_apps"))
			.withQueryParam("subscribed_fields", equalTo("leadgen"))
			.withQueryParam("access_token", equalTo("page-token"))
			.withQueryParam("appsecret_proof", equalTo(GraphClientTests.hmac(GraphClientTests.SECRET, "page-token"))));
	}

	@Test
	void reportsAnUnconfirmedInstallAndMetasRefusal() {
		graph.stubFor(
				post(urlPathEqualTo("/v26.0/" + PAGE + "/subscribed_apps")).willReturn(okJson("{\"success\":false}")));
		assertThat(client("1234567890").installApp(PAGE, "page-token")).isInstanceOf(GraphResult.Failed.class);
		graph.stubFor(post(urlPathEqualTo("/v26.0/" + PAGE + "/subscribed_apps")).willReturn(aResponse().withStatus(403)
			.withBody("{\"error\":{\"message\":\"(#200) Permissions error\",\"code\":200}}")));
		assertThat(client("1234567890").installApp(PAGE, "page-token")).isInstanceOfSatisfying(
				GraphResult.TokenInvalid.class,
				(refused) -> assertThat(refused.message()).contains("(#200) Permissions error"));
	}

	@Test
	void exchangesTheCodeWithoutAnAccessTokenOrProof() {
		graph.stubFor(
				get(urlPathEqualTo("/v26.0/oauth/access_token")).willReturn(okJson("{\"access_token\":\"user\"}")));
		assertThat(client("1234567890").userToken("c0de", "https://leads.example.com/pages/connect/callback"))
			.isEqualTo(new GraphResult.Success<>("user"));
		graph.verify(getRequestedFor(urlPathEqualTo("/v26.0/oauth/access_token"))
			.withQueryParam("redirect_uri", equalTo("https://leads.example.com/pages/connect/callback"))
			.withQueryParam("access_token", absent())
			.withQueryParam("appsecret_proof", absent()));
	}

	@Test
	void asksNothingWithoutAnAppId() {
		assertThat(client(null).userToken("c0de", "https://leads.example.com/cb")).isInstanceOfSatisfying(
				GraphResult.Failed.class, (failed) -> assertThat(failed.message()).contains("leadrelay.graph.app-id"));
		assertThat(graph.getAllServeEvents()).isEmpty();
	}

	private static GraphClient client(String appId) {
		GraphProperties properties = new GraphProperties(URI.create(graph.baseUrl()), "v26.0", appId,
				Duration.ofSeconds(1), Duration.ofMillis(1200), 100, Duration.ofHours(1), 80, Duration.ofMinutes(5),
				16);
		ObjectMapper json = new ObjectMapper();
		GraphHttp http = new GraphHttp(properties, GraphClientTests.SECRET, json, new UsageGuard(80,
				Duration.ofMinutes(5), new MutableClock(Instant.parse("2026-11-23T10:00:00Z")), json));
		return new GraphClient(http, appId, Caffeine.newBuilder().build(), Caffeine.newBuilder().build());
	}

}
