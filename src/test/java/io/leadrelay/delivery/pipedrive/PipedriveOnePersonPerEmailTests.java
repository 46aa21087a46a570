package io.leadrelay.delivery.pipedrive;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.leadrelay.delivery.ConnectorTimeouts;
import io.leadrelay.delivery.DeliveryOutcome;
import io.leadrelay.delivery.DeliveryOutcome.Delivered;
import io.leadrelay.delivery.DeliveryOutcome.Retry;
import io.leadrelay.delivery.DeliveryRequest;
import io.leadrelay.support.LeadRelayJdbcTest;
import io.leadrelay.support.MutableClock;
import io.leadrelay.support.OnPostgres;
import io.leadrelay.support.TableCleaner;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two leads with one email, sent to a Pipedrive whose search lags behind its creates
 * ({@link LaggingPipedrive}), make one person: one after the other, together on one
 * engine, and together on two engines.
 */
@LeadRelayJdbcTest
@OnPostgres
@Import(PipedrivePersonTable.class)
class PipedriveOnePersonPerEmailTests {

	@RegisterExtension
	static WireMockExtension pipedrive = WireMockExtension.newInstance()
		.options(wireMockConfig().dynamicPort().containerThreads(20))
		.build();

	final MutableClock clock = new MutableClock(Instant.parse("2026-11-23T10:00:00Z"));

	final ExecutorService workers = Executors.newFixedThreadPool(4);

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	PipedrivePersonTable personTable;

	@BeforeEach
	void laggingPipedrive() {
		TableCleaner.deleteAll(this.jdbc);
		LaggingPipedrive.stub(pipedrive);
	}

	@AfterEach
	void stopWorkers() {
		this.workers.shutdownNow();
	}

	@Test
	void aSecondLeadSoonAfterFindsThePersonTheFirstCreated() {
		PipedriveConnector engine = engine();
		assertThat(engine.deliver(lead("920000000000001", "ana@example.com"))).isInstanceOf(Delivered.class);
		DeliveryOutcome second = engine.deliver(lead("920000000000002", " Ana@Example.COM "));
		assertThat(second).isInstanceOf(Delivered.class);
		assertThat(second.message()).startsWith("person " + LaggingPipedrive.PERSON_ID + " updated");
		pipedrive.verify(1, postRequestedFor(urlPathEqualTo("/api/v2/persons")));
	}

	@Test
	void twoLeadsTogetherOnOneEngineMakeOnePerson() throws Exception {
		PipedriveConnector engine = engine();
		assertThat(together(engine, engine)).allMatch(Delivered.class::isInstance);
		pipedrive.verify(1, postRequestedFor(urlPathEqualTo("/api/v2/persons")));
	}

	@Test
	void twoLeadsTogetherOnTwoEnginesMakeOnePerson() throws Exception {
		assertThat(together(engine(), engine())).allMatch(Delivered.class::isInstance);
		pipedrive.verify(1, postRequestedFor(urlPathEqualTo("/api/v2/persons")));
	}

	@Test
	void aRememberedPersonDeletedInPipedriveIsCreatedAgain() {
		PipedriveConnector engine = engine();
		engine.deliver(lead("920000000000001", "ana@example.com"));
		pipedrive.resetAll();
		LaggingPipedrive.stub(pipedrive);
		pipedrive.stubFor(get(urlPathEqualTo("/api/v2/persons/" + LaggingPipedrive.PERSON_ID))
			.willReturn(aResponse().withStatus(404)
				.withHeader("Content-Type", "application/json")
				.withBody(PipedriveFixtures.error("Person not found"))));
		DeliveryOutcome outcome = engine.deliver(lead("920000000000002", "ana@example.com"));
		assertThat(outcome.message()).startsWith("person " + LaggingPipedrive.PERSON_ID + " created");
		pipedrive.verify(getRequestedFor(urlPathEqualTo("/api/v2/persons/search")));
		pipedrive.verify(1, postRequestedFor(urlPathEqualTo("/api/v2/persons")));
	}

	@Test
	void keepsOnlyTheHashOfTheTrimmedLowerCasedEmail() {
		engine().deliver(lead("920000000000001", " Ana@Example.com"));
		assertThat(this.jdbc.queryForList("SELECT email_key, person_id FROM pipedrive_person"))
			.containsExactly(Map.of("email_key", "8e43ca37701228e74983efdbd0cff5c16b3b1e5d4e29a7c05626d4d25a018e11",
					"person_id", LaggingPipedrive.PERSON_ID));
	}

	@Test
	void aClaimLeftByACrashedEngineEndsWithItsLease() {
		this.jdbc.update(
				"INSERT INTO pipedrive_person (destination_id, email_key, claim_token, claimed_until,"
						+ " created_at) VALUES (?, ?, 'crashed', ?, ?)",
				"dst-pd", PersonKey.of("dst-pd", "ana@example.com").emailKey(),
				this.clock.instant().minusSeconds(1).atOffset(ZoneOffset.UTC),
				this.clock.instant().minusSeconds(31).atOffset(ZoneOffset.UTC));
		assertThat(engine().deliver(lead("920000000000001", "ana@example.com"))).isInstanceOf(Delivered.class);
		assertThat(this.jdbc.queryForObject("SELECT person_id FROM pipedrive_person", Long.class))
			.isEqualTo(LaggingPipedrive.PERSON_ID);
	}

	@Test
	void aLiveClaimOfAnotherEngineIsWaitedForThenRetriedWithoutCreating() {
		this.jdbc.update(
				"INSERT INTO pipedrive_person (destination_id, email_key, claim_token, claimed_until, created_at)"
						+ " VALUES (?, ?, 'other-engine', ?, ?)",
				"dst-pd", PersonKey.of("dst-pd", "ana@example.com").emailKey(),
				this.clock.instant().plusSeconds(60).atOffset(ZoneOffset.UTC),
				this.clock.instant().atOffset(ZoneOffset.UTC));
		// One-second timeouts: the claim is waited for three seconds.
		PipedriveConnector engine = new PipedriveConnector(new ObjectMapper(), this.clock,
				new ConnectorTimeouts(Duration.ofSeconds(1), Duration.ofSeconds(1)), this.personTable);
		DeliveryOutcome outcome = engine.deliver(lead("920000000000001", "ana@example.com"));
		assertThat(outcome).isEqualTo(Retry.transientFailure(
				"Another delivery is still creating the Pipedrive person of this email; trying again later", null));
		pipedrive.verify(0, postRequestedFor(urlPathEqualTo("/api/v2/persons")));
		pipedrive.verify(0, getRequestedFor(urlPathEqualTo("/api/v2/persons/search")));
	}

	private List<DeliveryOutcome> together(PipedriveConnector first, PipedriveConnector second) throws Exception {
		CountDownLatch start = new CountDownLatch(1);
		CompletableFuture<DeliveryOutcome> one = CompletableFuture.supplyAsync(
				() -> awaitThen(start, () -> first.deliver(lead("920000000000001", "ana@example.com"))), this.workers);
		CompletableFuture<DeliveryOutcome> two = CompletableFuture.supplyAsync(
				() -> awaitThen(start, () -> second.deliver(lead("920000000000002", "ana@example.com"))), this.workers);
		start.countDown();
		return List.of(one.get(30, TimeUnit.SECONDS), two.get(30, TimeUnit.SECONDS));
	}

	private static DeliveryOutcome awaitThen(CountDownLatch start, Supplier<DeliveryOutcome> work) {
		try {
			start.await();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		return work.get();
	}

	PipedriveConnector engine() {
		// Each connector is an engine of its own: its own locks, the shared table.
		return new PipedriveConnector(new ObjectMapper(), this.clock, this.personTable);
	}

	private static DeliveryRequest lead(String leadgenId, String email) {
		Map<String, String> payload = new LinkedHashMap<>();
		payload.put("name", "Ana Müller");
		payload.put("email", email);
		payload.put("phone", "+447700900123");
		return new DeliveryRequest(2L, leadgenId, "dst-pd", Map.of("baseUrl", pipedrive.baseUrl()),
				Map.of("apiToken", "t0k3n"), payload, DeliveryRequest.idempotencyKey(leadgenId, "dst-pd"), false);
	}

}
