package io.leadrelay.graph;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.leadrelay.support.MutableClock;
import org.assertj.core.api.Assertions;
import org.assertj.core.data.MapEntry;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

class GraphClientTests {

	static final String TOKEN = "EAAG-page-token";

	static final String SECRET = "app-secret-2026";

	@RegisterExtension
	static WireMockExtension graph = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

	final MutableClock clock = new MutableClock(Instant.parse("2026-11-23T10:00:00Z"));

	GraphClient client;

	@BeforeEach
	void client() {
		this.client = client("http://localhost:" + graph.getPort(), "1234567890");
	}

	@Test
	void fetchesALeadWithItsAnswersAndTheNamesOfItsFormAndAds() {
		stubLead("920000000000001", GraphFixtures.lead("920000000000001"));
		stubForm();
		graph.stubFor(get(urlPathEqualTo("/v26.0/238000000000033")).willReturn(okJson("{\"name\":\"UK 25-45\"}")));
		GraphLead lead = success(this.client.fetchLead("920000000000001", TOKEN));
		assertThat(lead.createdTime()).isEqualTo(Instant.parse("2026-01-01T00:00:00Z"));
		assertThat(lead.answers()).containsExactly(entry("full_name", "Ana Müller"), entry("email", "ana@example.com"),
				entry("phone_number", "+447700900123"),
				Assertions.entry("which_products", List.of("solar", "battery")));
		assertThat(lead.formName()).isEqualTo("Solar quote form");
		assertThat(lead.adName()).isEqualTo("Spring promo A");
		assertThat(lead.adsetName()).as("fetched separately").isEqualTo("UK 25-45");
		assertThat(lead.campaignName()).isEqualTo("Spring 2026");
		assertThat(lead.platform()).isEqualTo("ig");
		assertThat(lead.organic()).isFalse();
		assertThat(lead.consents()).containsEntry("marketing_optin", true);
		graph.verify(
				getRequestedFor(urlPathEqualTo("/v26.0/920000000000001")).withQueryParam("access_token", equalTo(TOKEN))
					.withQueryParam("appsecret_proof", equalTo(hmac(SECRET, TOKEN)))
					.withQueryParam("fields", containing("field_data")));
	}

	@Test
	void asksForAFormAndANameOnlyOnceForManyLeads() {
		stubLead("920000000000001", GraphFixtures.lead("920000000000001"));
		stubLead("920000000000002", GraphFixtures.lead("920000000000002"));
		stubForm();
		graph.stubFor(get(urlPathEqualTo("/v26.0/238000000000033")).willReturn(okJson("{\"name\":\"UK 25-45\"}")));
		success(this.client.fetchLead("920000000000001", TOKEN));
		success(this.client.fetchLead("920000000000002", TOKEN));
		graph.verify(1, getRequestedFor(urlPathEqualTo("/v26.0/700000000000011")));
		graph.verify(1, getRequestedFor(urlPathEqualTo("/v26.0/238000000000033")));
	}

	@Test
	void readsAnOrganicLeadWithoutAdFields() {
		stubLead("920000000000003", """
				{"id":"920000000000003","created_time":"2026-01-02T10:00:00+0000","form_id":"700000000000011",
				 "is_organic":true,"platform":"fb","field_data":[{"name":"email","values":["b@example.com"]}]}""");
		stubForm();
		GraphLead lead = success(this.client.fetchLead("920000000000003", TOKEN));
		assertThat(lead.organic()).isTrue();
		assertThat(lead.adId()).isNull();
		assertThat(lead.adName()).isNull();
		assertThat(lead.consents()).isEmpty();
	}

	@Test
	void treatsATimeoutAsTransient() {
		graph.stubFor(get(urlPathEqualTo("/v26.0/920000000000004"))
			.willReturn(okJson(GraphFixtures.lead("920000000000004")).withFixedDelay(1500)));
		assertThat(this.client.fetchLead("920000000000004", TOKEN)).isInstanceOf(GraphResult.Transient.class);
	}

	@Test
	void treatsARefusedConnectionAsTransientWithoutShowingTheToken() {
		GraphClient offline = client("http://localhost:1", null);
		GraphResult<GraphLead> result = offline.fetchLead("920000000000005", TOKEN);
		assertThat(result).isInstanceOf(GraphResult.Transient.class);
		assertThat(result.toString()).doesNotContain(TOKEN);
	}

	@Test
	void holdsCallsOnceMetaReportsHighUsageUntilThePausePasses() {
		graph.stubFor(
				get(urlPathEqualTo("/v26.0/920000000000006")).willReturn(okJson(GraphFixtures.lead("920000000000006"))
					.withHeader("X-App-Usage", "{\"call_count\":85,\"total_cputime\":20,\"total_time\":30}")));
		stubForm();
		assertThat(this.client.fetchLead("920000000000006", TOKEN)).isInstanceOf(GraphResult.Success.class);
		GraphResult<GraphLead> held = this.client.fetchLead("920000000000006", TOKEN);
		assertThat(held).isInstanceOfSatisfying(GraphResult.RateLimited.class,
				(limited) -> assertThat(limited.retryAfter()).isEqualTo(Duration.ofMinutes(5)));
		graph.verify(1, getRequestedFor(urlPathEqualTo("/v26.0/920000000000006")));
		this.clock.advance(Duration.ofMinutes(5).plusSeconds(1));
		assertThat(this.client.fetchLead("920000000000006", TOKEN)).isNotInstanceOf(GraphResult.RateLimited.class);
		graph.verify(2, getRequestedFor(urlPathEqualTo("/v26.0/920000000000006")));
	}

	@Test
	void waitsAsLongAsMetaEstimatesForABusinessUseCaseLimit() {
		graph.stubFor(get(urlPathEqualTo("/v26.0/920000000000007"))
			.willReturn(okJson(GraphFixtures.lead("920000000000007")).withHeader("X-Business-Use-Case-Usage",
					"{\"100200300400500\":[{\"type\":\"pages\",\"call_count\":40,\"total_cputime\":3,"
							+ "\"total_time\":4,\"estimated_time_to_regain_access\":12}]}")));
		stubForm();
		success(this.client.fetchLead("920000000000007", TOKEN));
		assertThat(this.client.fetchLead("920000000000007", TOKEN)).isInstanceOfSatisfying(
				GraphResult.RateLimited.class,
				(limited) -> assertThat(limited.retryAfter()).isEqualTo(Duration.ofMinutes(12)));
	}

	@Test
	void checksATokenWithTheAppToken() {
		graph.stubFor(get(urlPathEqualTo("/v26.0/debug_token")).willReturn(okJson("""
				{"data":{"app_id":"1234567890","type":"PAGE","expires_at":0,"is_valid":true,
				 "scopes":["pages_show_list","pages_read_engagement"]}}""")));
		TokenInfo info = success(this.client.debugToken(TOKEN));
		assertThat(info.valid()).isTrue();
		assertThat(info.expiresAt()).as("0 means never").isNull();
		assertThat(info.missingScopes(List.of("leads_retrieval", "pages_show_list")))
			.containsExactly("leads_retrieval");
		graph.verify(getRequestedFor(urlPathEqualTo("/v26.0/debug_token")).withQueryParam("input_token", equalTo(TOKEN))
			.withQueryParam("access_token", equalTo("1234567890|" + SECRET)));
	}

	@Test
	void reportsAnExpiredTokenAsInvalidWithMetasReason() {
		graph.stubFor(get(urlPathEqualTo("/v26.0/debug_token")).willReturn(okJson("""
				{"data":{"is_valid":false,"expires_at":1767225600,"scopes":[],
				 "error":{"code":190,"message":"Session has expired","subcode":463}}}""")));
		TokenInfo info = success(this.client.debugToken(TOKEN));
		assertThat(info.valid()).isFalse();
		assertThat(info.expiresAt()).isEqualTo(Instant.ofEpochSecond(1767225600));
		assertThat(info.message()).isEqualTo("Session has expired");
	}

	@Test
	void pagesThroughAFormsLeadsInATimeWindow() {
		graph.stubFor(get(urlPathEqualTo("/v26.0/700000000000011/leads")).withQueryParam("after", equalTo("QVFIU2"))
			.willReturn(
					okJson("""
							{"data":[{"id":"920000000000009","created_time":"2026-01-02T11:00:00+0000","form_id":"700000000000011",
							  "field_data":[]}],"paging":{"cursors":{"before":"QVFIU2","after":"QVFIU3"}}}""")));
		graph.stubFor(get(urlPathEqualTo("/v26.0/700000000000011/leads"))
			.withQueryParam("filtering",
					equalTo("[{\"field\":\"time_created\",\"operator\":\"GREATER_THAN_OR_EQUAL\",\"value\":1767225600},"
							+ "{\"field\":\"time_created\",\"operator\":\"LESS_THAN\",\"value\":1767312000}]"))
			.atPriority(10)
			.willReturn(
					okJson("""
							{"data":[{"id":"920000000000008","created_time":"2026-01-02T10:00:00+0000","form_id":"700000000000011",
							  "field_data":[{"name":"email","values":["b@example.com"]}]}],
							 "paging":{"cursors":{"before":"QVFIU1","after":"QVFIU2"},
							           "next":"https://graph.facebook.com/v26.0/700000000000011/leads?after=QVFIU2"}}""")));
		Instant from = Instant.ofEpochSecond(1767225600);
		Instant until = Instant.ofEpochSecond(1767312000);
		LeadsPage first = success(this.client.formLeads("700000000000011", TOKEN, from, until, null));
		assertThat(first.leads()).extracting(GraphLead::leadgenId).containsExactly("920000000000008");
		assertThat(first.nextCursor()).isEqualTo("QVFIU2");
		LeadsPage second = success(this.client.formLeads("700000000000011", TOKEN, from, until, first.nextCursor()));
		assertThat(second.leads()).extracting(GraphLead::leadgenId).containsExactly("920000000000009");
		assertThat(second.nextCursor()).as("no next link: the last page").isNull();
	}

	private GraphClient client(String baseUrl, String appId) {
		GraphProperties properties = new GraphProperties(URI.create(baseUrl), "v26.0", appId, Duration.ofSeconds(1),
				Duration.ofMillis(1200), 100, Duration.ofHours(1), 80, Duration.ofMinutes(5), 16);
		ObjectMapper json = new ObjectMapper();
		GraphHttp http = new GraphHttp(properties, SECRET, json,
				new UsageGuard(80, Duration.ofMinutes(5), this.clock, json));
		return new GraphClient(http, appId, Caffeine.newBuilder().build(), Caffeine.newBuilder().build());
	}

	private static void stubLead(String leadgenId, String body) {
		graph.stubFor(get(urlPathEqualTo("/v26.0/" + leadgenId)).willReturn(okJson(body)));
	}

	private static void stubForm() {
		graph.stubFor(get(urlPathEqualTo("/v26.0/700000000000011")).willReturn(okJson(GraphFixtures.FORM)));
	}

	private static <T> T success(GraphResult<T> result) {
		assertThat(result).isInstanceOf(GraphResult.Success.class);
		return ((GraphResult.Success<T>) result).value();
	}

	private static MapEntry<String, List<String>> entry(String key, String value) {
		return Assertions.entry(key, List.of(value));
	}

	static String hmac(String secret, String message) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
			return HexFormat.of().formatHex(mac.doFinal(message.getBytes(StandardCharsets.UTF_8)));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
