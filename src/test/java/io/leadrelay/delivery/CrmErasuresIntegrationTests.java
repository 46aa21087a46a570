package io.leadrelay.delivery;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.matching.RequestPatternBuilder;
import io.leadrelay.delivery.CrmErasures.CrmErasure;
import io.leadrelay.delivery.CrmErasures.CrmErasure.Outcome;
import io.leadrelay.delivery.CrmErasures.CrmRecord;
import io.leadrelay.destination.DestinationChange;
import io.leadrelay.destination.Destinations;
import io.leadrelay.destination.NewDestination;
import io.leadrelay.support.LeadRelayIntegrationTest;
import io.leadrelay.support.TableCleaner;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.deleteRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * Asking CRMs to delete an erased person: WireMock as HubSpot (GDPR delete) and as
 * Pipedrive (lead and person delete), each deleting, not finding, refusing or not
 * answering; and every record left to the operator when the CRMs are not to be asked.
 */
@LeadRelayIntegrationTest
class CrmErasuresIntegrationTests {

	static final String EMAIL = "Ana.Mueller@example.com";

	static final String HUBSPOT_TOKEN = "pat-na1-11111111-2222-3333-4444-555555555555";

	static final String LEAD_ID = "adf21080-0e10-11eb-879b-05d71fb426ec";

	@RegisterExtension
	static WireMockExtension hubspot = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

	@RegisterExtension
	static WireMockExtension pipedrive = WireMockExtension.newInstance()
		.options(wireMockConfig().dynamicPort())
		.build();

	@Autowired
	CrmErasures erasures;

	@Autowired
	Destinations destinations;

	@Autowired
	JdbcTemplate jdbc;

	@BeforeEach
	void twoCrms() {
		TableCleaner.deleteAll(this.jdbc);
		this.destinations.create(new NewDestination("hubspot-main", "HubSpot", "hubspot",
				Map.of("baseUrl", hubspot.baseUrl()), Map.of("accessToken", HUBSPOT_TOKEN), true), "admin");
		this.destinations.create(new NewDestination("pipedrive-sales", "Pipedrive sales", "pipedrive",
				Map.of("baseUrl", pipedrive.baseUrl()), Map.of("apiToken", "pd-token"), true), "admin");
	}

	@Test
	void hubSpotDeletesTheContactByItsIdOrElseByEmail() {
		hubspot.stubFor(post("/crm/v3/objects/contacts/gdpr-delete").willReturn(aResponse().withStatus(204)));

		List<CrmErasure> erased = this.erasures.erase(
				List.of(new CrmRecord("hubspot-main", "512", EMAIL), new CrmRecord("hubspot-main", null, EMAIL)), true);

		assertThat(erased).extracting(CrmErasure::outcome).containsExactly(Outcome.DELETED, Outcome.DELETED);
		hubspot.verify(postRequestedFor(urlPathEqualTo("/crm/v3/objects/contacts/gdpr-delete"))
			.withHeader("Authorization", equalTo("Bearer " + HUBSPOT_TOKEN))
			.withRequestBody(equalToJson("{\"objectId\":\"512\"}")));
		hubspot.verify(postRequestedFor(urlPathEqualTo("/crm/v3/objects/contacts/gdpr-delete"))
			.withRequestBody(equalToJson("{\"objectId\":\"" + EMAIL + "\",\"idProperty\":\"email\"}")));
		assertNoEmailIn(erased);
	}

	@Test
	void hubSpotWithoutTheContactIsNotFound() {
		hubspot.stubFor(post("/crm/v3/objects/contacts/gdpr-delete").willReturn(aResponse().withStatus(404)
			.withHeader("Content-Type", "application/json")
			.withBody("{\"status\":\"error\",\"message\":\"resource not found\",\"category\":\"OBJECT_NOT_FOUND\"}")));

		CrmErasure erased = this.erasures.erase(List.of(new CrmRecord("hubspot-main", "512", EMAIL)), true).get(0);

		assertThat(erased.outcome()).isEqualTo(Outcome.NOT_FOUND);
		assertThat(erased.message()).contains("512");
	}

	@Test
	void hubSpotRefusingTheTokenFailsWithItsReasonAndWithoutTheEmail() {
		hubspot.stubFor(post("/crm/v3/objects/contacts/gdpr-delete").willReturn(aResponse().withStatus(403)
			.withHeader("Content-Type", "application/json")
			.withBody("{\"status\":\"error\",\"message\":\"This app hasn't been granted all required scopes to make "
					+ "this call for " + EMAIL + "\",\"category\":\"MISSING_SCOPES\"}")));

		CrmErasure erased = this.erasures.erase(List.of(new CrmRecord("hubspot-main", null, EMAIL)), true).get(0);

		assertThat(erased.outcome()).isEqualTo(Outcome.FAILED);
		assertThat(erased.message()).contains("403", "granted all required scopes", "by hand");
		assertNoEmailIn(List.of(erased));
	}

	@Test
	void anUnreachableCrmFails() {
		this.destinations.update("hubspot-main",
				new DestinationChange(null, Map.of("baseUrl", "http://127.0.0.1:" + freePort()), null, null), "admin");

		CrmErasure erased = this.erasures.erase(List.of(new CrmRecord("hubspot-main", "512", EMAIL)), true).get(0);

		assertThat(erased.outcome()).isEqualTo(Outcome.FAILED);
		assertThat(erased.message()).contains("HubSpot could not be reached", "contact 512");
	}

	@Test
	void pipedriveDeletesTheLeadAndThePersonItsSearchFinds() {
		pipedrive.stubFor(delete("/api/v1/leads/" + LEAD_ID)
			.willReturn(okJson("{\"success\":true,\"data\":{\"id\":\"" + LEAD_ID + "\"}}")));
		pipedrive.stubFor(get(urlPathEqualTo("/api/v2/persons/search")).withQueryParam("term", equalTo(EMAIL))
			.willReturn(
					okJson("{\"success\":true,\"data\":{\"items\":[{\"result_score\":1,\"item\":{\"id\":4711}}]}}")));
		pipedrive
			.stubFor(delete("/api/v2/persons/4711").willReturn(okJson("{\"success\":true,\"data\":{\"id\":4711}}")));

		CrmErasure erased = this.erasures.erase(List.of(new CrmRecord("pipedrive-sales", LEAD_ID, EMAIL)), true).get(0);

		assertThat(erased.outcome()).isEqualTo(Outcome.DELETED);
		assertThat(erased.message()).isEqualTo("Pipedrive deleted person 4711 and its lead.");
		pipedrive.verify(deleteRequestedFor(urlPathEqualTo("/api/v2/persons/4711")).withHeader("x-api-token",
				equalTo("pd-token")));
	}

	@Test
	void pipedriveDeletesThePersonItsDeliveriesCreatedWithoutSearching() throws NoSuchAlgorithmException {
		this.jdbc.update("INSERT INTO pipedrive_person (destination_id, email_key, person_id, created_at)"
				+ " VALUES ('pipedrive-sales', ?, 99, CURRENT_TIMESTAMP)", emailKey(EMAIL));
		pipedrive.stubFor(delete("/api/v2/persons/99").willReturn(okJson("{\"success\":true,\"data\":{\"id\":99}}")));

		CrmErasure erased = this.erasures.erase(List.of(new CrmRecord("pipedrive-sales", null, EMAIL)), true).get(0);

		assertThat(erased.outcome()).isEqualTo(Outcome.DELETED);
		assertThat(this.jdbc.queryForObject("SELECT COUNT(*) FROM pipedrive_person", Integer.class)).isZero();
		assertThat(pipedrive.findAll(getRequestedForSearch())).isEmpty();
	}

	@Test
	void pipedriveWithoutThePersonIsNotFound() {
		pipedrive.stubFor(get(urlPathEqualTo("/api/v2/persons/search"))
			.willReturn(okJson("{\"success\":true,\"data\":{\"items\":[]}}")));

		CrmErasure erased = this.erasures.erase(List.of(new CrmRecord("pipedrive-sales", null, EMAIL)), true).get(0);

		assertThat(erased.outcome()).isEqualTo(Outcome.NOT_FOUND);
		assertNoEmailIn(List.of(erased));
	}

	@Test
	void pipedriveRefusingTheTokenFailsWithItsReason() {
		pipedrive.stubFor(get(urlPathEqualTo("/api/v2/persons/search")).willReturn(aResponse().withStatus(401)
			.withHeader("Content-Type", "application/json")
			.withBody("{\"success\":false,\"error\":\"unauthorized access\",\"errorCode\":401}")));

		CrmErasure erased = this.erasures.erase(List.of(new CrmRecord("pipedrive-sales", null, EMAIL)), true).get(0);

		assertThat(erased.outcome()).isEqualTo(Outcome.FAILED);
		assertThat(erased.message()).contains("Pipedrive refused the API token", "unauthorized access",
				"once the API token is replaced");
	}

	@Test
	void notAskingLeavesEveryRecordToTheOperatorNamingWhereAndWhich() {
		List<CrmErasure> erased = this.erasures.erase(
				List.of(new CrmRecord("hubspot-main", "512", EMAIL), new CrmRecord("pipedrive-sales", LEAD_ID, EMAIL)),
				false);

		assertThat(erased).extracting(CrmErasure::outcome, CrmErasure::message)
			.containsExactly(
					tuple(Outcome.LEFT_TO_OPERATOR,
							"Not asked to delete: delete the record 512 in 'HubSpot' (hubspot) by hand."),
					tuple(Outcome.LEFT_TO_OPERATOR, "Not asked to delete: delete the record " + LEAD_ID
							+ " in 'Pipedrive sales' (pipedrive) by hand."));
		assertThat(hubspot.getAllServeEvents()).isEmpty();
		assertThat(pipedrive.getAllServeEvents()).isEmpty();
	}

	@Test
	void deletedTurnedOffOrRefusedDestinationsAndOtherTypesAreNotAsked() {
		this.destinations.update("hubspot-main", new DestinationChange(null, null, null, false), "admin");
		this.destinations.markNeedsCredentials("pipedrive-sales", "refused");
		this.destinations.create(new NewDestination("webhook-1", "Our webhook", "webhook",
				Map.of("url", "https://hooks.example.com/leads"),
				Map.of("signingSecret", "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"), true), "admin");

		List<CrmErasure> erased = this.erasures
			.erase(List.of(new CrmRecord("hubspot-main", "512", EMAIL), new CrmRecord("pipedrive-sales", null, EMAIL),
					new CrmRecord("gone", "7", EMAIL), new CrmRecord("webhook-1", null, EMAIL)), true);

		assertThat(erased).extracting(CrmErasure::outcome).containsOnly(Outcome.LEFT_TO_OPERATOR);
		assertThat(erased).extracting(CrmErasure::message)
			.containsExactly(
					"The destination 'HubSpot' (hubspot) is turned off, so it was not asked: "
							+ "delete the record 512 in 'HubSpot' (hubspot) by hand.",
					"The destination 'Pipedrive sales' (pipedrive) needs new credentials, so it was not asked: find the"
							+ " person in 'Pipedrive sales' (pipedrive) by the email the erasure named and delete them by hand.",
					"The destination 'gone' was deleted, so its CRM was not asked: delete the record 7 in its CRM by hand.",
					"LeadRelay cannot delete records in webhook destinations: find the person in 'Our webhook' (webhook)"
							+ " by the email the erasure named and delete them by hand.");
		assertThat(hubspot.getAllServeEvents()).isEmpty();
		assertThat(pipedrive.getAllServeEvents()).isEmpty();
	}

	private static RequestPatternBuilder getRequestedForSearch() {
		return getRequestedFor(urlPathEqualTo("/api/v2/persons/search"));
	}

	/** How the Pipedrive connector keys a person's email. */
	private static String emailKey(String email) throws NoSuchAlgorithmException {
		return HexFormat.of()
			.formatHex(MessageDigest.getInstance("SHA-256")
				.digest(email.strip().toLowerCase(Locale.ROOT).getBytes(StandardCharsets.UTF_8)));
	}

	private static void assertNoEmailIn(List<CrmErasure> erased) {
		assertThat(erased).extracting(CrmErasure::message)
			.allSatisfy((message) -> assertThat(message.toLowerCase()).doesNotContain("ana.mueller"));
		assertThat(erased).extracting(Object::toString)
			.allSatisfy((text) -> assertThat(text.toLowerCase()).doesNotContain("ana.mueller"));
	}

	private static int freePort() {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
