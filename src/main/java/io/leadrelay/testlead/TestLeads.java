package io.leadrelay.testlead;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.leadrelay.delivery.Deliveries;
import io.leadrelay.delivery.DeliveriesNow;
import io.leadrelay.delivery.DeliveryFilter;
import io.leadrelay.delivery.DeliveryView;
import io.leadrelay.destination.Destinations;
import io.leadrelay.form.LeadForm;
import io.leadrelay.graph.GraphLead;
import io.leadrelay.mapping.LeadData;
import io.leadrelay.mapping.Mapping;
import io.leadrelay.mapping.MappingEngine;
import io.leadrelay.mapping.MappingResult;
import io.leadrelay.mapping.Mappings;
import io.leadrelay.mapping.StoredMapping;
import io.leadrelay.pipeline.LeadStore;

import org.springframework.stereotype.Service;

/**
 * Sends a test lead through a mapping to its destination, now: stores it as a lead marked
 * as a test, maps it, and delivers it through the destination's connector while the
 * person waits, recording every step in the lead's timeline as for a real lead.
 */
@Service
public class TestLeads {

	private static final SecureRandom RANDOM = new SecureRandom();

	private final Mappings mappings;

	private final MappingEngine engine;

	private final TestQuestions questions;

	private final TestLeadStore store;

	private final DeliveriesNow now;

	private final Deliveries deliveries;

	private final Destinations destinations;

	private final Clock clock;

	TestLeads(Mappings mappings, MappingEngine engine, TestQuestions questions, TestLeadStore store, DeliveriesNow now,
			Deliveries deliveries, Destinations destinations, Clock clock) {
		this.mappings = mappings;
		this.engine = engine;
		this.questions = questions;
		this.store = store;
		this.now = now;
		this.deliveries = deliveries;
		this.destinations = destinations;
		this.clock = clock;
	}

	/**
	 * A test lead ticks every consent checkbox its mapping reads, so that it goes where a
	 * lead that agreed goes.
	 */
	private static Map<String, Boolean> agreedToAll(Mapping mapping) {
		Map<String, Boolean> consents = new LinkedHashMap<>();
		mapping.consentKeys().forEach((key) -> consents.put(key, true));
		return consents;
	}

	/** The questions a test lead of the mapping answers, with their sample answers. */
	public List<TestQuestion> questions(String mappingId) {
		return this.questions.of(mapping(mappingId));
	}

	/**
	 * Sends a test lead through the mapping.
	 * @param answers answers by question key; a question left out takes its sample
	 * answer, an empty answer leaves the question unanswered
	 * @throws InvalidTestLeadException naming an answer to no question of the mapping
	 */
	public TestLeadResult send(String mappingId, Map<String, String> answers, String actor) {
		Mapping mapping = mapping(mappingId);
		List<TestQuestion> asked = this.questions.of(mapping);
		Map<String, List<String>> answered = answers(asked, answers);
		Optional<LeadForm> form = this.questions.formOf(mapping);
		String leadgenId = "test-" + HexFormat.of().formatHex(bytes());
		String pageId = form.map(LeadForm::pageId)
			.orElseGet(() -> mapping.pages().stream().sorted().findFirst().orElse("test"));
		Instant at = this.clock.instant();
		GraphLead lead = new GraphLead(leadgenId, at, answered, form.map(LeadForm::formId).orElse(null),
				form.map(LeadForm::name).orElse("Test lead"), null, null, null, null, null, null,
				mapping.platforms().stream().sorted().findFirst().orElse("fb"), false, agreedToAll(mapping));
		LeadData data = LeadStore.data(pageId, true, lead);
		MappingResult mapped = this.engine.apply(mapping, data);
		List<String> errors = new ArrayList<>(mapped.errors().stream().map(MappingResult.FieldError::message).toList());
		if (!this.destinations.exists(mapping.destination())) {
			errors.add(
					"the destination '" + mapping.destination() + "' of mapping '" + mapping.id() + "' does not exist");
		}
		String hold = this.store.store(pageId, lead, mapping, mapped.payload(), errors, actor);
		DeliveryView delivery;
		DeliveriesNow.Sent sent = null;
		if (hold != null) {
			sent = this.now.send(leadgenId, mapping.destination(), hold);
			delivery = sent.delivery();
		}
		else {
			delivery = this.deliveries.find(new DeliveryFilter(null, null, leadgenId, null, null, null), 0, 1)
				.items()
				.get(0);
		}
		boolean tried = sent != null && sent.attempt() != null;
		return new TestLeadResult(leadgenId, true, mapping.id(), mapping.version(), mapping.destination(),
				this.engine.wouldTake(mapping, data), mapped.payload(), errors, delivery.id(), delivery.status(),
				tried ? sent.attempt().outcome() : null, tried ? sent.attempt().httpStatus() : null,
				tried ? sent.attempt().message() : delivery.lastError(), delivery.crmRecordId());
	}

	private Map<String, List<String>> answers(List<TestQuestion> asked, Map<String, String> given) {
		Map<String, String> values = new LinkedHashMap<>();
		asked.forEach((question) -> values.put(question.key(), question.sample()));
		for (Map.Entry<String, String> answer : given.entrySet()) {
			if (!values.containsKey(answer.getKey())) {
				throw new InvalidTestLeadException("answers." + answer.getKey(),
						"answers." + answer.getKey() + " answers no question of this mapping's form; its questions are "
								+ List.copyOf(values.keySet()));
			}
			if (answer.getValue() == null || answer.getValue().length() > 1000) {
				throw new InvalidTestLeadException("answers." + answer.getKey(),
						"answers." + answer.getKey() + " must be text of at most 1000 characters");
			}
			values.put(answer.getKey(), answer.getValue().strip());
		}
		Map<String, List<String>> answered = new LinkedHashMap<>();
		values.forEach((key, value) -> {
			if (!value.isEmpty()) {
				answered.put(key, List.of(value));
			}
		});
		return answered;
	}

	private Mapping mapping(String id) {
		StoredMapping stored = this.mappings.current(id);
		return this.mappings.definitionOf(stored);
	}

	private static byte[] bytes() {
		byte[] bytes = new byte[8];
		RANDOM.nextBytes(bytes);
		return bytes;
	}

}
