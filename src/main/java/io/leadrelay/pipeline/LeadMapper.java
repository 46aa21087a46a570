package io.leadrelay.pipeline;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import io.leadrelay.delivery.DeliveryStore;
import io.leadrelay.delivery.NewDelivery;
import io.leadrelay.destination.Destinations;
import io.leadrelay.graph.GraphLead;
import io.leadrelay.mapping.LeadData;
import io.leadrelay.mapping.Mapping;
import io.leadrelay.mapping.MappingEngine;
import io.leadrelay.mapping.Mappings;
import io.leadrelay.mapping.MappingResult;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Keeps an enriched lead, chooses the mappings that take it, and leaves one delivery per
 * destination, all in one transaction with the event's new status ({@code mapped}, or
 * {@code filtered} when no mapping takes it). A delivery whose mapping failed (a required
 * field missing, an unknown destination) starts dead, naming why, to be fixed and
 * replayed. The leads of one Graph API read are mapped together ({@link #mapAll}), in one
 * transaction of batched statements.
 */
@Component
class LeadMapper {

	private final LeadEventQueue queue;

	private final LeadStore leads;

	private final Mappings mappings;

	private final MappingEngine engine;

	private final Destinations destinations;

	private final DeliveryStore deliveries;

	private final TransactionTemplate transactions;

	private final ApplicationEventPublisher events;

	LeadMapper(LeadEventQueue queue, LeadStore leads, Mappings mappings, MappingEngine engine,
			Destinations destinations, DeliveryStore deliveries, TransactionTemplate transactions,
			ApplicationEventPublisher events) {
		this.queue = queue;
		this.leads = leads;
		this.mappings = mappings;
		this.engine = engine;
		this.destinations = destinations;
		this.deliveries = deliveries;
		this.transactions = transactions;
		this.events = events;
	}

	/** Maps one lead in a transaction of its own. */
	void map(ClaimedLeadEvent event, GraphLead lead) {
		Mapped mapped = mapped(event, lead, new Lookups(this.mappings.enabled()));
		this.transactions.executeWithoutResult((tx) -> {
			this.leads.save(event.pageId(), lead);
			mapped.deliveries().forEach(this.deliveries::add);
			if (!this.queue.finish(event, mapped.ending().status(), mapped.ending().message())) {
				tx.setRollbackOnly();
			}
			else {
				this.events.publishEvent(new LeadStored(mapped.data()));
			}
		});
	}

	/**
	 * Maps the leads of one page together, in one transaction: their events are finished
	 * first, and only the leads whose events this worker still held (its lease not run
	 * out) are written, each as {@link #map} writes it. When the transaction fails,
	 * nothing of it is kept and the caller maps the leads one by one, so that one lead's
	 * bad data holds up no other.
	 * @param events the claimed events, each with its lead at the same index
	 */
	void mapAll(List<ClaimedLeadEvent> events, List<GraphLead> read) {
		Lookups lookups = new Lookups(this.mappings.enabled());
		List<Mapped> all = new ArrayList<>(events.size());
		for (int index = 0; index < events.size(); index++) {
			all.add(mapped(events.get(index), read.get(index), lookups));
		}
		this.transactions.executeWithoutResult((tx) -> {
			boolean[] finished = this.queue.finishAll(all.stream().map(Mapped::ending).toList());
			List<Mapped> held = new ArrayList<>(all.size());
			for (int index = 0; index < all.size(); index++) {
				if (finished[index]) {
					held.add(all.get(index));
				}
			}
			this.leads.saveAll(events.get(0).pageId(), held.stream().map(Mapped::lead).toList());
			this.deliveries.addAll(held.stream().flatMap((mapped) -> mapped.deliveries().stream()).toList());
			this.queue.audit(held.stream().map(Mapped::ending).toList());
			held.forEach((mapped) -> this.events.publishEvent(new LeadStored(mapped.data())));
		});
	}

	/** What mapping one lead writes: its deliveries, one per destination, and its end. */
	private Mapped mapped(ClaimedLeadEvent event, GraphLead lead, Lookups lookups) {
		LeadData data = LeadStore.data(event.pageId(), lead);
		List<Mapping> matching = lookups.enabled().stream().filter((m) -> this.engine.matches(m, data)).toList();
		List<NewDelivery> deliveries = new ArrayList<>(matching.size());
		Set<String> served = new HashSet<>();
		for (Mapping mapping : matching) {
			if (served.add(mapping.destination())) {
				deliveries.add(delivery(event, lead, mapping, data, lookups));
			}
		}
		LeadEventQueue.Ending ending = matching.isEmpty()
				? new LeadEventQueue.Ending(event, LeadEventStatus.FILTERED, "no mapping matched this lead")
				: new LeadEventQueue.Ending(event, LeadEventStatus.MAPPED, null);
		return new Mapped(lead, data, deliveries, ending);
	}

	private NewDelivery delivery(ClaimedLeadEvent event, GraphLead lead, Mapping mapping, LeadData data,
			Lookups lookups) {
		MappingResult result = this.engine.apply(mapping, data);
		String error = result.ok() ? null
				: result.errors().stream().map(MappingResult.FieldError::message).collect(Collectors.joining("; "));
		if (error == null
				&& !lookups.destinations().computeIfAbsent(mapping.destination(), this.destinations::exists)) {
			error = "the destination '" + mapping.destination() + "' of mapping '" + mapping.id() + "' does not exist";
		}
		return new NewDelivery(event.leadgenId(), mapping.destination(), mapping.id(), mapping.version(),
				this.leads.write(result.payload()), error, lead.createdTime());
	}

	/**
	 * What is read once for the leads mapped together: the enabled mappings, and whether
	 * each destination they name exists.
	 */
	private record Lookups(List<Mapping> enabled, Map<String, Boolean> destinations) {

		Lookups(List<Mapping> enabled) {
			this(enabled, new HashMap<>());
		}

	}

	private record Mapped(GraphLead lead, LeadData data, List<NewDelivery> deliveries, LeadEventQueue.Ending ending) {
	}

}
