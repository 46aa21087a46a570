package io.leadrelay.privacy;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.leadrelay.delivery.CrmErasures;
import io.leadrelay.delivery.CrmErasures.CrmErasure;
import io.leadrelay.delivery.CrmErasures.CrmRecord;
import io.leadrelay.destination.Destinations;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Erases one person: reads what their leads hold, asks the CRMs to delete the records
 * their deliveries made (or lists them for the operator), then removes their personal
 * data everywhere ({@link ErasureWrites}) and suppresses them.
 */
@Component
class PersonErasure {

	private final JdbcTemplate jdbc;

	private final ObjectMapper json;

	private final CrmErasures crms;

	private final Destinations destinations;

	private final ErasureWrites writes;

	private final PhoneNumbers phones;

	PersonErasure(JdbcTemplate jdbc, ObjectMapper json, CrmErasures crms, Destinations destinations,
			ErasureWrites writes, PhoneNumbers phones) {
		this.jdbc = jdbc;
		this.json = json;
		this.crms = crms;
		this.destinations = destinations;
		this.writes = writes;
		this.phones = phones;
	}

	ErasureResult erase(PersonKey key, List<String> leadIds, boolean askCrms, String actor) {
		String marks = PersonRecords.marks(Math.max(1, leadIds.size()));
		Object[] ids = leadIds.isEmpty() ? new Object[] { "" } : leadIds.toArray();
		Map<String, JsonNode> answers = new LinkedHashMap<>();
		Set<String> erasedBefore = new LinkedHashSet<>();
		this.jdbc.query(
				"SELECT leadgen_id, answers, personal_data_removed_at FROM lead WHERE leadgen_id IN (" + marks + ")",
				(rs) -> {
					answers.put(rs.getString(1), read(rs.getString(2)));
					if (rs.getObject(3) != null) {
						erasedBefore.add(rs.getString(1));
					}
				}, ids);
		List<Sent> sent = this.jdbc.query(
				"SELECT id, leadgen_id, destination_id, status, crm_record_id, payload FROM delivery WHERE leadgen_id IN ("
						+ marks + ") ORDER BY id",
				(rs, row) -> new Sent(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
						read(rs.getString(6))),
				ids);
		List<Long> deliveryIds = sent.stream().map(Sent::id).toList();
		this.writes.refuseWhileSending(deliveryIds);
		List<CrmErasure> outcomes = this.crms.erase(crmRecords(sent, answers, erasedBefore), askCrms);
		ErasureWrites.Found found = new ErasureWrites.Found(leadIds, deliveryIds, scrubber(answers, sent),
				emails(key, answers), suppressed(key, leadIds, answers));
		ErasureWrites.Counts counts = this.writes.remove(found, key, askCrms, outcomes, actor);
		Map<String, String> names = this.destinations.names();
		List<ErasureResult.CrmOutcome> crm = outcomes.stream()
			.map((o) -> new ErasureResult.CrmOutcome(o.record().destinationId(),
					names.getOrDefault(o.record().destinationId(), o.record().destinationId()),
					o.record().crmRecordId(), o.outcome().name(), o.message()))
			.toList();
		return new ErasureResult(counts.reference(), key.kind().code(), answers.size(), erasedBefore.size(),
				sent.size(), counts.attempts(), counts.payloadEdits(), counts.searchTerms(), counts.pipedrivePersons(),
				found.suppress().size(), crm);
	}

	/**
	 * One record per destination and CRM id that a delivery of a not yet erased lead
	 * made.
	 */
	private List<CrmRecord> crmRecords(List<Sent> sent, Map<String, JsonNode> answers, Set<String> erasedBefore) {
		Map<String, CrmRecord> records = new LinkedHashMap<>();
		for (Sent delivery : sent) {
			boolean made = "delivered".equals(delivery.status()) || delivery.crmRecordId() != null;
			if (made && !erasedBefore.contains(delivery.leadgenId())) {
				String email = leaves(delivery.payload()).stream()
					.filter((value) -> value.contains("@"))
					.findFirst()
					.orElseGet(() -> PersonExport.emails(answers.get(delivery.leadgenId()))
						.stream()
						.findFirst()
						.orElse(null));
				records.putIfAbsent(delivery.destinationId() + "\n" + delivery.crmRecordId(),
						new CrmRecord(delivery.destinationId(), delivery.crmRecordId(), email));
			}
		}
		return List.copyOf(records.values());
	}

	private Scrubber scrubber(Map<String, JsonNode> answers, List<Sent> sent) {
		List<Scrubber.Answer> values = new ArrayList<>();
		List<String> phones = new ArrayList<>();
		answers.values()
			.forEach((lead) -> lead.fields().forEachRemaining((field) -> field.getValue().forEach((value) -> {
				values.add(new Scrubber.Answer(field.getKey(), value.asText("")));
				if ("phone_number".equals(field.getKey())) {
					this.phones.e164(value.asText("")).ifPresent(phones::add);
				}
			})));
		List<String> payloadValues = new ArrayList<>();
		sent.forEach((delivery) -> payloadValues.addAll(leaves(delivery.payload())));
		return Scrubber.of(values, phones, payloadValues);
	}

	private Set<String> emails(PersonKey key, Map<String, JsonNode> answers) {
		Set<String> emails = new LinkedHashSet<>();
		if (key.kind() == PersonKey.Kind.EMAIL) {
			emails.add(key.value());
		}
		answers.values().forEach((lead) -> emails.addAll(PersonExport.emails(lead)));
		return emails;
	}

	/**
	 * The key asked for, each lead's id, and the emails and phone numbers of the leads'
	 * standard fields: the person is not stored again by any of them.
	 */
	private Set<PersonKey> suppressed(PersonKey key, List<String> leadIds, Map<String, JsonNode> answers) {
		Set<PersonKey> keys = new LinkedHashSet<>();
		keys.add(key);
		leadIds.forEach((id) -> keys.add(new PersonKey(PersonKey.Kind.LEADGEN_ID, id)));
		answers.values().forEach((lead) -> {
			lead.path("email")
				.forEach((email) -> keys.add(new PersonKey(PersonKey.Kind.EMAIL,
						email.asText("").trim().toLowerCase(java.util.Locale.ROOT))));
			lead.path("phone_number")
				.forEach((phone) -> this.phones.e164(phone.asText(""))
					.ifPresent((e164) -> keys.add(new PersonKey(PersonKey.Kind.PHONE, e164))));
		});
		keys.removeIf((k) -> k.value().isBlank());
		return keys;
	}

	private static List<String> leaves(JsonNode node) {
		List<String> leaves = new ArrayList<>();
		if (node.isValueNode()) {
			leaves.add(node.asText(""));
		}
		node.forEach((child) -> leaves.addAll(leaves(child)));
		return leaves;
	}

	private JsonNode read(String text) {
		try {
			return this.json.readTree((text != null) ? text : "{}");
		}
		catch (JsonProcessingException ex) {
			return this.json.createObjectNode();
		}
	}

	private record Sent(long id, String leadgenId, String destinationId, String status, String crmRecordId,
			JsonNode payload) {

	}

}
