package io.leadrelay.pipeline;

import java.util.HashSet;
import java.util.List;
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
 * replayed.
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

	void map(ClaimedLeadEvent event, GraphLead lead) {
		LeadData data = LeadStore.data(event.pageId(), lead);
		List<Mapping> matching = this.mappings.enabled().stream().filter((m) -> this.engine.matches(m, data)).toList();
		this.transactions.executeWithoutResult((tx) -> {
			this.leads.save(event.pageId(), lead);
			Set<String> served = new HashSet<>();
			for (Mapping mapping : matching) {
				if (served.add(mapping.destination())) {
					this.deliveries.add(delivery(event, lead, mapping, data));
				}
			}
			LeadEventStatus status = matching.isEmpty() ? LeadEventStatus.FILTERED : LeadEventStatus.MAPPED;
			String message = matching.isEmpty() ? "no mapping matched this lead" : null;
			if (!this.queue.finish(event, status, message)) {
				tx.setRollbackOnly();
			}
			else {
				this.events.publishEvent(new LeadStored(data));
			}
		});
	}

	private NewDelivery delivery(ClaimedLeadEvent event, GraphLead lead, Mapping mapping, LeadData data) {
		MappingResult result = this.engine.apply(mapping, data);
		String error = result.ok() ? null
				: result.errors().stream().map(MappingResult.FieldError::message).collect(Collectors.joining("; "));
		if (error == null && !this.destinations.exists(mapping.destination())) {
			error = "the destination '" + mapping.destination() + "' of mapping '" + mapping.id() + "' does not exist";
		}
		return new NewDelivery(event.leadgenId(), mapping.destination(), mapping.id(), mapping.version(),
				this.leads.write(result.payload()), error, lead.createdTime());
	}

}
