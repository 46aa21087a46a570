package io.leadrelay.ingest;

import java.io.IOException;
import java.math.BigInteger;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import io.leadrelay.meta.FacebookIds;

/**
 * Turns a verified webhook body into the leads it announces. A body is taken whole or not
 * at all: the first field that is not what Meta sends rejects it, named by its JSON path.
 */
final class NotificationParser {

	static final int MAX_RAW_VALUE_LENGTH = 4000;

	private static final Pattern DIGITS = Pattern.compile("[0-9]+");

	private static final long LATEST_EPOCH_SECOND = Instant.parse("3000-01-01T00:00:00Z").getEpochSecond();

	private final ObjectReader reader;

	private final ObjectMapper mapper;

	NotificationParser(ObjectMapper mapper) {
		this.mapper = mapper;
		this.reader = mapper.reader().with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
	}

	ParsedNotification parse(byte[] body) {
		JsonNode root = readTree(body);
		if (!root.isObject()) {
			throw new InvalidPayloadException("$", "must be a JSON object");
		}
		JsonNode object = root.get("object");
		if (object == null || object.isNull()) {
			throw new InvalidPayloadException("object", "is required");
		}
		if (!"page".equals(object.asText()) || !object.isTextual()) {
			throw new InvalidPayloadException("object", "must be \"page\", was " + abbreviate(object.toString()));
		}
		JsonNode entries = root.get("entry");
		if (entries == null || !entries.isArray()) {
			throw new InvalidPayloadException("entry", "must be an array");
		}
		List<LeadNotification> leads = new ArrayList<>();
		int ignored = 0;
		for (int i = 0; i < entries.size(); i++) {
			ignored += parseEntry(entries.get(i), "entry[" + i + "]", leads);
		}
		return new ParsedNotification(leads, ignored);
	}

	private JsonNode readTree(byte[] body) {
		if (body.length == 0) {
			throw new InvalidPayloadException("$", "is empty: expected a JSON object");
		}
		try {
			return this.reader.readTree(body);
		}
		catch (JacksonException ex) {
			throw new InvalidPayloadException("$", "is not valid JSON: " + ex.getOriginalMessage());
		}
		catch (IOException ex) {
			throw new InvalidPayloadException("$", "could not be read: " + ex.getMessage());
		}
	}

	/**
	 * Adds the entry's leadgen changes to {@code leads}; returns how many changes it
	 * ignored.
	 */
	private int parseEntry(JsonNode entry, String path, List<LeadNotification> leads) {
		if (!entry.isObject()) {
			throw new InvalidPayloadException(path, "must be an object");
		}
		String entryId = optionalId(entry.get("id"), path + ".id");
		JsonNode changes = entry.get("changes");
		if (changes == null || changes.isNull()) {
			// "Include values" is off: Meta names the changed fields without the lead
			// ids.
			return 1;
		}
		if (!changes.isArray()) {
			throw new InvalidPayloadException(path + ".changes", "must be an array");
		}
		int ignored = 0;
		for (int j = 0; j < changes.size(); j++) {
			String changePath = path + ".changes[" + j + "]";
			JsonNode change = changes.get(j);
			if (!change.isObject()) {
				throw new InvalidPayloadException(changePath, "must be an object");
			}
			if (!"leadgen".equals(change.path("field").asText(null))) {
				ignored++;
				continue;
			}
			leads.add(parseLeadgenValue(change.get("value"), changePath + ".value", entryId));
		}
		return ignored;
	}

	private LeadNotification parseLeadgenValue(JsonNode value, String path, String entryId) {
		if (value == null || !value.isObject()) {
			throw new InvalidPayloadException(path, "must be an object");
		}
		String leadgenId = optionalId(value.get("leadgen_id"), path + ".leadgen_id");
		if (leadgenId == null) {
			throw new InvalidPayloadException(path + ".leadgen_id", "is required");
		}
		String pageId = optionalId(value.get("page_id"), path + ".page_id");
		if (pageId == null) {
			pageId = entryId;
		}
		if (pageId == null) {
			throw new InvalidPayloadException(path + ".page_id", "is required when the entry has no id");
		}
		String raw = rawJson(value);
		if (raw.length() > MAX_RAW_VALUE_LENGTH) {
			throw new InvalidPayloadException(path, "is longer than " + MAX_RAW_VALUE_LENGTH + " characters");
		}
		return new LeadNotification(leadgenId, pageId, optionalId(value.get("form_id"), path + ".form_id"),
				optionalId(value.get("ad_id"), path + ".ad_id"),
				optionalId(value.get("adgroup_id"), path + ".adgroup_id"),
				optionalEpochSeconds(value.get("created_time"), path + ".created_time"), raw);
	}

	/** Meta sends ids as strings or as bare numbers; both are kept as digit strings. */
	private static String optionalId(JsonNode node, String path) {
		if (node == null || node.isNull()) {
			return null;
		}
		String id = null;
		if (node.isTextual()) {
			id = node.textValue();
		}
		else if (node.isIntegralNumber()) {
			id = node.bigIntegerValue().toString();
		}
		if (!FacebookIds.isId(id)) {
			throw new InvalidPayloadException(path,
					"must be a numeric id of 1 to 32 digits, was " + abbreviate(node.toString()));
		}
		return id;
	}

	private static Instant optionalEpochSeconds(JsonNode node, String path) {
		if (node == null || node.isNull()) {
			return null;
		}
		BigInteger seconds = null;
		if (node.isIntegralNumber()) {
			seconds = node.bigIntegerValue();
		}
		else if (node.isTextual() && DIGITS.matcher(node.textValue()).matches()) {
			seconds = new BigInteger(node.textValue());
		}
		if (seconds == null || seconds.signum() < 0 || seconds.compareTo(BigInteger.valueOf(LATEST_EPOCH_SECOND)) > 0) {
			throw new InvalidPayloadException(path,
					"must be UNIX seconds between 1970 and 3000, was " + abbreviate(node.toString()));
		}
		return Instant.ofEpochSecond(seconds.longValue());
	}

	private String rawJson(JsonNode value) {
		try {
			return this.mapper.writeValueAsString(value);
		}
		catch (JacksonException ex) {
			throw new IllegalStateException("A parsed JSON tree could not be written back", ex);
		}
	}

	private static String abbreviate(String text) {
		return (text.length() <= 40) ? text : text.substring(0, 40) + "…";
	}

	record ParsedNotification(List<LeadNotification> leads, int ignoredChanges) {
	}

}
