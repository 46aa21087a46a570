package io.leadrelay.pipeline;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import io.leadrelay.delivery.Deliveries;
import io.leadrelay.delivery.DeliveryFilter;
import io.leadrelay.delivery.DeliveryStore;
import io.leadrelay.delivery.DeliveryView;
import io.leadrelay.delivery.NewDelivery;
import io.leadrelay.delivery.ReplayRefusedException;
import io.leadrelay.delivery.Replays;
import io.leadrelay.destination.Destinations;
import io.leadrelay.mapping.LeadData;
import io.leadrelay.mapping.Mapping;
import io.leadrelay.mapping.MappingEngine;
import io.leadrelay.mapping.MappingResult;
import io.leadrelay.mapping.Mappings;
import io.leadrelay.pipeline.ReprocessOutcome.DestinationOutcome;
import io.leadrelay.pipeline.ReprocessOutcome.Result;

import org.springframework.stereotype.Component;

/**
 * Runs one stored lead through the current enabled mappings, as {@link LeadMapper} does
 * for a new lead, but around the deliveries it already has: a destination without one
 * gets a new delivery, a dead one is sent again with the new payload, any other is left
 * alone. Runs in the caller's transaction.
 */
@Component
class LeadReprocessor {

	private final LeadStore leads;

	private final Mappings mappings;

	private final MappingEngine engine;

	private final Destinations destinations;

	private final DeliveryStore deliveryStore;

	private final Deliveries deliveries;

	private final Replays replays;

	LeadReprocessor(LeadStore leads, Mappings mappings, MappingEngine engine, Destinations destinations,
			DeliveryStore deliveryStore, Deliveries deliveries, Replays replays) {
		this.leads = leads;
		this.mappings = mappings;
		this.engine = engine;
		this.destinations = destinations;
		this.deliveryStore = deliveryStore;
		this.deliveries = deliveries;
		this.replays = replays;
	}

	/**
	 * @return what became of each destination a current mapping sends the lead to
	 * @throws ReprocessRefusedException when the lead's answers are no longer kept
	 */
	List<DestinationOutcome> remap(String leadgenId, String actor) {
		LeadData lead = this.leads.find(leadgenId)
			.orElseThrow(() -> new ReprocessRefusedException(null,
					"The answers of lead " + leadgenId + " are no longer stored, so it cannot be mapped again"));
		Map<String, DeliveryView> existing = this.deliveries
			.find(new DeliveryFilter(null, null, leadgenId, null, null, null), 0, 200)
			.items()
			.stream()
			.collect(Collectors.toMap(DeliveryView::destinationId, Function.identity(), (a, b) -> a));
		List<DestinationOutcome> outcomes = new ArrayList<>();
		Set<String> served = new HashSet<>();
		for (Mapping mapping : this.mappings.enabled()) {
			if (this.engine.matches(mapping, lead) && served.add(mapping.destination())) {
				outcomes.add(destination(leadgenId, lead, mapping, existing.get(mapping.destination()), actor));
			}
		}
		return outcomes;
	}

	private DestinationOutcome destination(String leadgenId, LeadData lead, Mapping mapping, DeliveryView delivery,
			String actor) {
		String destination = mapping.destination();
		if (delivery != null && !"dead".equals(delivery.status())) {
			Result result = "delivered".equals(delivery.status()) ? Result.ALREADY_DELIVERED : Result.ALREADY_QUEUED;
			return new DestinationOutcome(destination, mapping.id(), result, delivery.status());
		}
		MappingResult mapped = this.engine.apply(mapping, lead);
		String error = mapped.ok() ? null
				: mapped.errors().stream().map(MappingResult.FieldError::message).collect(Collectors.joining("; "));
		if (error == null && !this.destinations.exists(destination)) {
			error = "the destination '" + destination + "' of mapping '" + mapping.id() + "' does not exist";
		}
		String payload = this.leads.write(mapped.payload());
		if (delivery == null) {
			// As for a new lead: a payload the mapping cannot fill starts dead, naming
			// why.
			this.deliveryStore.add(new NewDelivery(leadgenId, destination, mapping.id(), mapping.version(), payload,
					error, createdTime(lead)));
			return new DestinationOutcome(destination, mapping.id(),
					(error != null) ? Result.NOT_MAPPED : Result.QUEUED, error);
		}
		if (error != null) {
			return new DestinationOutcome(destination, mapping.id(), Result.NOT_MAPPED, error);
		}
		if (!mapping.id().equals(delivery.mappingId())) {
			// The dead delivery came from another mapping: replay it as a replay would,
			// with that mapping's current version.
			try {
				this.replays.replay(delivery.id(), false, actor);
				return new DestinationOutcome(destination, delivery.mappingId(), Result.REPLAYED, null);
			}
			catch (ReplayRefusedException ex) {
				return new DestinationOutcome(destination, delivery.mappingId(), Result.NOT_MAPPED, ex.getMessage());
			}
		}
		this.deliveries.replay(delivery.id(), payload, mapping.version(), actor);
		return new DestinationOutcome(destination, mapping.id(), Result.REPLAYED, null);
	}

	private static Instant createdTime(LeadData lead) {
		String created = lead.metadata().get("created_time");
		try {
			return (created != null) ? Instant.parse(created) : null;
		}
		catch (DateTimeParseException ex) {
			return null;
		}
	}

}
