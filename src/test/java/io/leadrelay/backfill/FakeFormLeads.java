package io.leadrelay.backfill;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.Request;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import io.leadrelay.support.LeadgenPayloads;

import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.serverError;

/**
 * A form's {@code /leads} edge as the Graph API serves it (protocols.md, section 2.2):
 * the {@code time_created} filters applied, {@code limit} leads a page, cursor paging
 * with a {@code next} link while more follow. Lists leads in the order given to
 * {@link #serve}.
 */
final class FakeFormLeads implements ResponseDefinitionTransformerV2 {

	static final String NAME = "form-leads";

	private static final DateTimeFormatter META_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssZ")
		.withZone(ZoneOffset.UTC);

	private final ObjectMapper json = new ObjectMapper();

	private final Set<Integer> failingPages = new HashSet<>();

	private volatile List<Lead> leads = List.of();

	/** Serve these leads, in this order. */
	void serve(List<Lead> leads) {
		this.leads = List.copyOf(leads);
		synchronized (this.failingPages) {
			this.failingPages.clear();
		}
	}

	/** Answer the next request for this page (1 is the first) with a 500, once. */
	void failOnce(int page) {
		synchronized (this.failingPages) {
			this.failingPages.add(page);
		}
	}

	static Comparator<Lead> newestFirst() {
		return Comparator.comparing(Lead::created).reversed();
	}

	@Override
	public ResponseDefinition transform(ServeEvent event) {
		Request request = event.getRequest();
		int limit = Integer.parseInt(request.queryParameter("limit").firstValue());
		int offset = request.queryParameter("after").isPresent()
				? Integer.parseInt(request.queryParameter("after").firstValue()) : 0;
		synchronized (this.failingPages) {
			if (this.failingPages.remove(offset / limit + 1)) {
				return serverError()
					.withBody("{\"error\":{\"message\":\"An unexpected error has occurred.\","
							+ "\"type\":\"OAuthException\",\"code\":2,\"is_transient\":true}}")
					.build();
			}
		}
		JsonNode filters = read(request.queryParameter("filtering").firstValue());
		List<Lead> listed = this.leads.stream().filter((lead) -> matches(lead, filters)).toList();
		ObjectNode body = this.json.createObjectNode();
		ArrayNode data = body.putArray("data");
		int last = Math.min(offset + limit, listed.size());
		listed.subList(Math.min(offset, last), last)
			.forEach((lead) -> data.addObject()
				.put("id", lead.id())
				.put("created_time", META_TIME.format(lead.created()))
				.put("form_id", LeadgenPayloads.FORM_ID)
				.putArray("field_data"));
		ObjectNode paging = body.putObject("paging");
		paging.putObject("cursors").put("before", Integer.toString(offset)).put("after", Integer.toString(last));
		if (last < listed.size()) {
			paging.put("next", "https://graph.facebook.com/v26.0/" + LeadgenPayloads.FORM_ID + "/leads?after=" + last);
		}
		return okJson(body.toString()).build();
	}

	private static boolean matches(Lead lead, JsonNode filters) {
		long created = lead.created().getEpochSecond();
		for (JsonNode filter : filters) {
			long value = filter.path("value").asLong();
			boolean kept = switch (filter.path("operator").asText()) {
				case "GREATER_THAN" -> created > value;
				case "GREATER_THAN_OR_EQUAL" -> created >= value;
				case "LESS_THAN" -> created < value;
				default -> throw new IllegalArgumentException("Unknown operator in " + filter);
			};
			if (!kept) {
				return false;
			}
		}
		return true;
	}

	private JsonNode read(String text) {
		try {
			return this.json.readTree(text);
		}
		catch (JsonProcessingException ex) {
			throw new IllegalArgumentException("filtering is not JSON: " + text, ex);
		}
	}

	@Override
	public String getName() {
		return NAME;
	}

	@Override
	public boolean applyGlobally() {
		return false;
	}

	/** A lead of the form: its leadgen id and when it was created. */
	record Lead(String id, Instant created) {

	}

}
