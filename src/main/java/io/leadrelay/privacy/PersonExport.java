package io.leadrelay.privacy;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;

import org.springframework.stereotype.Component;

/**
 * Everything stored about a person, as one JSON document: each of their leads (every
 * column, answers as JSON) with its lead events, deliveries (payloads, attempts, payload
 * edits) and audit entries, and the Pipedrive persons remembered for their email.
 */
@Component
class PersonExport {

	private final PersonRecords records;

	private final Clock clock;

	PersonExport(PersonRecords records, Clock clock) {
		this.records = records;
		this.clock = clock;
	}

	Map<String, Object> export(PersonKey key, List<String> leadIds, boolean suppressed) {
		Map<String, Object> document = new LinkedHashMap<>();
		document.put("exportedAt", this.clock.instant().toString());
		document.put("searchedBy", Map.of(key.kind().field(), key.value()));
		document.put("suppressed", suppressed);
		List<Map<String, Object>> leads = new ArrayList<>();
		Set<String> emails = new LinkedHashSet<>();
		if (key.kind() == PersonKey.Kind.EMAIL) {
			emails.add(key.value());
		}
		for (String leadId : leadIds) {
			List<String> one = List.of(leadId);
			Map<String, Object> lead = new LinkedHashMap<>();
			lead.put("leadgenId", leadId);
			List<Map<String, Object>> stored = this.records.rows("lead", "leadgen_id", one, "leadgen_id");
			lead.put("lead", stored.isEmpty() ? null : stored.get(0));
			stored.forEach((row) -> emails.addAll(emails(row.get("answers"))));
			lead.put("events", this.records.rows("lead_event", "leadgen_id", one, "id"));
			lead.put("deliveries", deliveries(one));
			lead.put("audit", this.records.auditEntries(one));
			leads.add(lead);
		}
		document.put("leads", leads);
		document.put("pipedrivePersons", this.records.rows("pipedrive_person", "email_key",
				emails.stream().map(PersonExport::emailKey).toList(), "destination_id"));
		return document;
	}

	private List<Map<String, Object>> deliveries(List<String> leadIds) {
		List<Map<String, Object>> deliveries = new ArrayList<>();
		for (Map<String, Object> row : this.records.rows("delivery", "leadgen_id", leadIds, "id")) {
			Map<String, Object> delivery = new LinkedHashMap<>(row);
			List<Object> id = List.of(row.get("id"));
			delivery.put("attempts", this.records.rows("delivery_attempt", "delivery_id", id, "id"));
			delivery.put("payloadEdits", this.records.rows("delivery_payload_edit", "delivery_id", id, "id"));
			deliveries.add(delivery);
		}
		return deliveries;
	}

	/** The emails of a lead's answers, trimmed and lower-cased. */
	static Set<String> emails(Object answers) {
		Set<String> emails = new LinkedHashSet<>();
		if (answers instanceof JsonNode node) {
			node.fields().forEachRemaining((field) -> field.getValue().forEach((value) -> {
				String text = value.asText("").trim();
				if (text.contains("@")) {
					emails.add(text.toLowerCase(java.util.Locale.ROOT));
				}
			}));
		}
		return emails;
	}

	/**
	 * How {@code pipedrive_person} keeps an email: the hex SHA-256 of its normal form.
	 */
	static String emailKey(String email) {
		try {
			return HexFormat.of()
				.formatHex(MessageDigest.getInstance("SHA-256").digest(email.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
