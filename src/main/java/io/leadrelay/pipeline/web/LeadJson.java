package io.leadrelay.pipeline.web;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.leadrelay.audit.AuditRecord;
import io.leadrelay.delivery.DeliveryAttemptView;
import io.leadrelay.delivery.DeliveryView;
import io.leadrelay.destination.Destinations;
import io.leadrelay.pipeline.LeadDetail;
import io.leadrelay.security.PersonalData;

import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;

/**
 * A lead's story as the API and the lead's page show it, personal data (answers,
 * payloads) as the caller may read it ({@link PersonalData}).
 */
@Component
class LeadJson {

	private final ObjectMapper json;

	private final Destinations destinations;

	LeadJson(ObjectMapper json, Destinations destinations) {
		this.json = json;
		this.destinations = destinations;
	}

	Lead lead(LeadDetail detail, Authentication caller) {
		return new Lead(detail.lead().leadgenId(), detail.lead().status(), detail.lead().pageId(),
				detail.lead().formId(), detail.lead().source(), detail.lead().receivedAt(), detail.lead().createdTime(),
				detail.lastMessage(), detail.enrichment(),
				PersonalData.forCaller(caller, (JsonNode) this.json.valueToTree(detail.answers())), detail.consents(),
				detail.deliveries().stream().map((delivery) -> delivery(delivery, caller)).toList(),
				detail.lead().test());
	}

	Delivery delivery(LeadDetail.Delivery sent, Authentication caller) {
		DeliveryView delivery = sent.delivery();
		return new Delivery(delivery.id(), delivery.destinationId(), delivery.mappingId(), delivery.mappingVersion(),
				delivery.status(), delivery.lastError(), delivery.crmRecordId(), delivery.createdAt(),
				delivery.nextAttemptAt(), delivery.deliveredAt(),
				PersonalData.forCaller(caller, read(sent.payloadJson())), sent.attempts());
	}

	/** A lead's audit entries, told with the destinations' names. */
	List<TimelineEntry> timeline(List<AuditRecord> entries) {
		return timeline(entries, this.destinations.names());
	}

	/** The same, with the destinations' names already read (by id). */
	List<TimelineEntry> timeline(List<AuditRecord> entries, Map<String, String> names) {
		return entries.stream()
			.map((entry) -> new TimelineEntry(entry.occurredAt(), entry.actor(), entry.action(),
					TimelineWords.describe(entry, names), entry.details()))
			.toList();
	}

	private JsonNode read(String payload) {
		try {
			return this.json.readTree(payload);
		}
		catch (JsonProcessingException ex) {
			return this.json.getNodeFactory().textNode(payload);
		}
	}

	/**
	 * One lead's story.
	 *
	 * @param leadgenId its id at Meta
	 * @param status where it stands
	 * @param pageId its page
	 * @param formId its form
	 * @param source {@code webhook} or {@code backfill}
	 * @param receivedAt when LeadRelay stored it
	 * @param createdTime when the person sent the form
	 * @param message why it stands where it does, when there is a reason
	 * @param enrichment what Meta said about it (absent until enriched)
	 * @param answers its answers, each value hidden for viewers
	 * @param consents its form's consent checkboxes by key: whether the person ticked
	 * each
	 * @param deliveries what each mapping made of it, and how its delivery went
	 * @param test whether it is a test lead a person sent (never a real person's)
	 */
	record Lead(String leadgenId, String status, String pageId, String formId, String source, Instant receivedAt,
			Instant createdTime, String message, LeadDetail.Enrichment enrichment, JsonNode answers,
			Map<String, Boolean> consents, List<Delivery> deliveries, boolean test) {

	}

	/**
	 * A delivery of the lead.
	 *
	 * @param id its id ({@code /api/v1/deliveries/{id}})
	 * @param destinationId where it goes
	 * @param mappingId the mapping that made its payload
	 * @param mappingVersion that mapping's version
	 * @param status {@code pending}, {@code in_flight}, {@code retrying},
	 * {@code delivered} or {@code dead}
	 * @param lastError why the last try failed
	 * @param crmRecordId the CRM's record once delivered
	 * @param createdAt when it was made
	 * @param nextAttemptAt when it is tried next
	 * @param deliveredAt when the CRM took it
	 * @param payload what the mapping made of the lead, each value hidden for viewers
	 * @param attempts each try, oldest first
	 */
	record Delivery(long id, String destinationId, String mappingId, int mappingVersion, String status,
			String lastError, String crmRecordId, Instant createdAt, Instant nextAttemptAt, Instant deliveredAt,
			JsonNode payload, List<DeliveryAttemptView> attempts) {

	}

	/**
	 * One entry of a lead's timeline.
	 *
	 * @param occurredAt when it happened
	 * @param actor who did it: {@code meta}, {@code system} or a user
	 * @param action the audit action, such as {@code delivery.delivered}
	 * @param description the entry in plain words
	 * @param details its context
	 */
	record TimelineEntry(Instant occurredAt, String actor, String action, String description,
			Map<String, Object> details) {

	}

}
