package io.leadrelay.graph;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.leadrelay.support.MutableClock;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.status;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Many leads of a page in one Graph API batch request: one call, each lead's answer
 * classified on its own, a failure of the call shared by all.
 */
class GraphBatchReadsTests {

	static final String DELETED = "{\"error\":{\"message\":\"Unsupported get request. Object does not exist\","
			+ "\"type\":\"GraphMethodException\",\"code\":100,\"error_subcode\":33}}";

	@RegisterExtension
	static WireMockExtension graph = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

	final ObjectMapper json = new ObjectMapper();

	final MutableClock clock = new MutableClock(Instant.parse("2026-11-23T10:00:00Z"));

	GraphClient client;

	@BeforeEach
	void client() {
		GraphProperties properties = new GraphProperties(URI.create("http://localhost:" + graph.getPort()), "v26.0",
				null, Duration.ofSeconds(1), Duration.ofMillis(1200), 100, Duration.ofHours(1), 80,
				Duration.ofMinutes(5), 16);
		GraphHttp http = new GraphHttp(properties, GraphClientTests.SECRET, this.json,
				new UsageGuard(80, Duration.ofMinutes(5), this.clock, this.json));
		this.client = new GraphClient(http, null, Caffeine.newBuilder().build(), Caffeine.newBuilder().build());
		graph.stubFor(get(urlPathEqualTo("/v26.0/700000000000011")).willReturn(okJson(GraphFixtures.FORM)));
		graph.stubFor(get(urlPathEqualTo("/v26.0/238000000000033")).willReturn(okJson("{\"name\":\"UK 25-45\"}")));
	}

	@Test
	void readsFiftyLeadsOfAPageInOneCall() {
		List<String> ids = ids(50);
		ArrayNode answer = this.json.createArrayNode();
		ids.forEach((id) -> item(answer, 200, GraphFixtures.lead(id)));
		graph.stubFor(post(urlPathEqualTo("/v26.0/")).willReturn(okJson(answer.toString())));

		List<GraphResult<GraphLead>> leads = this.client.fetchLeads(ids, GraphClientTests.TOKEN);

		assertThat(leads).hasSize(50).allMatch(GraphResult.Success.class::isInstance);
		assertThat(leads).extracting((lead) -> ((GraphResult.Success<GraphLead>) lead).value().leadgenId())
			.containsExactlyElementsOf(ids);
		assertThat(((GraphResult.Success<GraphLead>) leads.get(7)).value().formName()).isEqualTo("Solar quote form");
		graph.verify(1, postRequestedFor(urlPathEqualTo("/v26.0/"))
			.withRequestBody(containing("access_token=" + GraphClientTests.TOKEN))
			.withRequestBody(containing(
					"appsecret_proof=" + GraphClientTests.hmac(GraphClientTests.SECRET, GraphClientTests.TOKEN)))
			.withRequestBody(containing("relative_url%22%3A%22" + ids.get(49) + "%3Ffields%3Did%2Ccreated_time")));
		graph.verify(0, getRequestedFor(urlPathMatching("/v26.0/92.*")));
	}

	@Test
	void aDeletedLeadFailsAloneAndATimedOutOneIsPassing() {
		List<String> ids = ids(3);
		ArrayNode answer = this.json.createArrayNode();
		item(answer, 200, GraphFixtures.lead(ids.get(0)));
		item(answer, 400, DELETED);
		answer.addNull();
		graph.stubFor(post(urlPathEqualTo("/v26.0/")).willReturn(okJson(answer.toString())));

		List<GraphResult<GraphLead>> leads = this.client.fetchLeads(ids, GraphClientTests.TOKEN);

		assertThat(leads.get(0)).isInstanceOf(GraphResult.Success.class);
		assertThat(leads.get(1)).isInstanceOfSatisfying(GraphResult.Failed.class,
				(failed) -> assertThat(failed.code()).isEqualTo(100));
		assertThat(leads.get(2)).isInstanceOf(GraphResult.Transient.class);
	}

	@Test
	void aTokenErrorOfTheWholeCallIsEveryLeads() {
		graph.stubFor(post(urlPathEqualTo("/v26.0/")).willReturn(status(400).withBody(
				"{\"error\":{\"message\":\"Error validating access token\",\"type\":\"OAuthException\",\"code\":190}}")));

		assertThat(this.client.fetchLeads(ids(3), GraphClientTests.TOKEN)).hasSize(3)
			.allMatch(GraphResult.TokenInvalid.class::isInstance);
	}

	@Test
	void anItemAnsweringForAnotherLeadIsNotTakenForIt() {
		List<String> ids = ids(2);
		ArrayNode answer = this.json.createArrayNode();
		item(answer, 200, GraphFixtures.lead(ids.get(1)));
		item(answer, 200, GraphFixtures.lead(ids.get(0)));
		graph.stubFor(post(urlPathEqualTo("/v26.0/")).willReturn(okJson(answer.toString())));

		assertThat(this.client.fetchLeads(ids, GraphClientTests.TOKEN))
			.allMatch(GraphResult.Transient.class::isInstance);
	}

	@Test
	void aBatchAnsweredWithFewerItemsThanAskedIsRetriedForEveryLead() {
		List<String> ids = ids(3);
		ArrayNode answer = this.json.createArrayNode();
		item(answer, 200, GraphFixtures.lead(ids.get(0)));
		item(answer, 200, GraphFixtures.lead(ids.get(1)));
		graph.stubFor(post(urlPathEqualTo("/v26.0/")).willReturn(okJson(answer.toString())));

		assertThat(this.client.fetchLeads(ids, GraphClientTests.TOKEN)).hasSize(3)
			.allMatch(GraphResult.Transient.class::isInstance);
	}

	@Test
	void anItemsUsageHeaderHoldsFurtherCalls() {
		List<String> ids = ids(2);
		ArrayNode answer = this.json.createArrayNode();
		item(answer, 200, GraphFixtures.lead(ids.get(0)));
		ObjectNode used = item(answer, 200, GraphFixtures.lead(ids.get(1)));
		((ArrayNode) used.get("headers")).addObject()
			.put("name", "X-App-Usage")
			.put("value", "{\"call_count\":95,\"total_cputime\":10,\"total_time\":10}");
		graph.stubFor(post(urlPathEqualTo("/v26.0/")).willReturn(okJson(answer.toString())));

		assertThat(this.client.fetchLeads(ids, GraphClientTests.TOKEN)).allMatch(GraphResult.Success.class::isInstance);
		assertThat(this.client.fetchLeads(ids, GraphClientTests.TOKEN))
			.allMatch(GraphResult.RateLimited.class::isInstance);
		graph.verify(1, postRequestedFor(urlPathEqualTo("/v26.0/")));
	}

	@Test
	void readsASingleLeadWithAPlainRead() {
		graph.stubFor(get(urlPathEqualTo("/v26.0/920000000000100"))
			.willReturn(okJson(GraphFixtures.lead("920000000000100"))));

		assertThat(this.client.fetchLeads(List.of("920000000000100"), GraphClientTests.TOKEN)).singleElement()
			.isInstanceOf(GraphResult.Success.class);
		graph.verify(0, postRequestedFor(urlPathEqualTo("/v26.0/")));
	}

	private ObjectNode item(ArrayNode answer, int code, String body) {
		ObjectNode item = answer.addObject().put("code", code);
		item.putArray("headers").addObject().put("name", "Content-Type").put("value", "text/javascript");
		item.put("body", body);
		return item;
	}

	private static List<String> ids(int count) {
		return new ArrayList<>(
				IntStream.range(0, count).mapToObj((i) -> String.valueOf(920000000000100L + i)).toList());
	}

}
