package io.leadrelay.delivery.pipedrive;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.Scenario;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.patch;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;

/**
 * A Pipedrive whose person search lags behind its creates, as Pipedrive's own does (its
 * search index is updated some seconds after a person is created): after a create, the
 * next {@value #LAGGING_SEARCHES} searches still find nobody; then the search finds the
 * person. Creating a person takes {@value #CREATE_MILLIS} ms, so that two deliveries
 * started together both search before either has created.
 */
final class LaggingPipedrive {

	static final long PERSON_ID = 4712;

	static final int LAGGING_SEARCHES = 3;

	static final int CREATE_MILLIS = 400;

	private static final String SCENARIO = "search index";

	private LaggingPipedrive() {
	}

	static void stub(WireMockExtension pipedrive) {
		pipedrive.stubFor(get(urlPathEqualTo("/api/v2/persons/search")).inScenario(SCENARIO)
			.whenScenarioStateIs(Scenario.STARTED)
			.willReturn(okJson(PipedriveFixtures.searchEmpty())));
		pipedrive.stubFor(post(urlPathEqualTo("/api/v2/persons")).inScenario(SCENARIO)
			.whenScenarioStateIs(Scenario.STARTED)
			.willSetStateTo("lagging 1")
			.willReturn(okJson(PipedriveFixtures.person(PERSON_ID)).withFixedDelay(CREATE_MILLIS)));
		for (int i = 1; i <= LAGGING_SEARCHES; i++) {
			String next = (i < LAGGING_SEARCHES) ? "lagging " + (i + 1) : "indexed";
			pipedrive.stubFor(get(urlPathEqualTo("/api/v2/persons/search")).inScenario(SCENARIO)
				.whenScenarioStateIs("lagging " + i)
				.willSetStateTo(next)
				.willReturn(okJson(PipedriveFixtures.searchEmpty())));
			pipedrive.stubFor(post(urlPathEqualTo("/api/v2/persons")).inScenario(SCENARIO)
				.whenScenarioStateIs("lagging " + i)
				.willReturn(okJson(PipedriveFixtures.person(PERSON_ID + 1)).withFixedDelay(CREATE_MILLIS)));
		}
		pipedrive.stubFor(get(urlPathEqualTo("/api/v2/persons/search")).inScenario(SCENARIO)
			.whenScenarioStateIs("indexed")
			.willReturn(okJson(PipedriveFixtures.searchFound(PERSON_ID, "+447700900123"))));
		pipedrive.stubFor(post(urlPathEqualTo("/api/v2/persons")).inScenario(SCENARIO)
			.whenScenarioStateIs("indexed")
			.willReturn(okJson(PipedriveFixtures.person(PERSON_ID + 1)).withFixedDelay(CREATE_MILLIS)));
		pipedrive.stubFor(get(urlPathMatching("/api/v2/persons/[0-9]+")).willReturn(aResponse().withStatus(404)
			.withHeader("Content-Type", "application/json")
			.withBody(PipedriveFixtures.error("Person not found"))));
		pipedrive.stubFor(get(urlPathEqualTo("/api/v2/persons/" + PERSON_ID))
			.willReturn(okJson(PipedriveFixtures.person(PERSON_ID))));
		pipedrive.stubFor(patch(urlPathMatching("/api/v2/persons/[0-9]+"))
			.willReturn(okJson(PipedriveFixtures.person(PERSON_ID))));
		pipedrive.stubFor(get(urlPathEqualTo("/api/v1/leads")).willReturn(okJson(PipedriveFixtures.leads(""))));
		pipedrive.stubFor(post(urlPathEqualTo("/api/v1/leads")).willReturn(aResponse().withStatus(201)
			.withHeader("Content-Type", "application/json")
			.withBody(PipedriveFixtures
				.created(PipedriveFixtures.lead(PipedriveFixtures.LEAD_ID, "Facebook lead", PERSON_ID, "origin")))));
	}

}
