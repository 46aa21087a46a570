package io.leadrelay.delivery.web;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.leadrelay.delivery.DeliveryFilter;
import io.leadrelay.delivery.DeliveryStatus;

import org.springframework.web.util.UriComponentsBuilder;

/**
 * The filters of the deliveries page as they stand in its URL (so a shared link shows the
 * same view): {@code status}, {@code destination}, {@code leadgenId}, {@code error},
 * {@code from} and {@code to} (days, {@code 2026-11-20}, UTC), and {@code before} (the
 * keyset of the slice). Values that make no sense are reported beside their field and
 * left out of the filter.
 */
class DeliveryQuery {

	private String status;

	private String destination;

	private String leadgenId;

	private String error;

	private String from;

	private String to;

	private Long before;

	private final Map<String, String> errors = new LinkedHashMap<>();

	/** The filter these parameters make; invalid ones are left out and reported. */
	DeliveryFilter filter() {
		this.errors.clear();
		DeliveryStatus parsedStatus = null;
		if (present(this.status)) {
			parsedStatus = DeliveryStatus.fromCode(this.status).orElse(null);
			if (parsedStatus == null) {
				this.errors.put("status", "Choose a status from the list");
			}
		}
		Instant start = day("from", this.from, 0);
		Instant end = day("to", this.to, 1);
		if (start != null && end != null && !start.isBefore(end)) {
			this.errors.put("to", "must be on or after the from day");
			end = null;
		}
		return new DeliveryFilter(parsedStatus, trimmed(this.destination), trimmed(this.leadgenId), trimmed(this.error),
				start, end);
	}

	Map<String, String> errors() {
		return this.errors;
	}

	/**
	 * Whether the filter narrows to replayable deliveries (dead letters or delivered).
	 */
	boolean replayable() {
		return "dead".equals(this.status) || "delivered".equals(this.status);
	}

	boolean filtered() {
		return present(this.status) || present(this.destination) || present(this.leadgenId) || present(this.error)
				|| present(this.from) || present(this.to);
	}

	/**
	 * The query string of these filters (no {@code before}), for links; empty for none.
	 */
	String queryString() {
		UriComponentsBuilder uri = UriComponentsBuilder.newInstance();
		List<String[]> values = new ArrayList<>();
		values.add(new String[] { "status", this.status });
		values.add(new String[] { "destination", this.destination });
		values.add(new String[] { "leadgenId", this.leadgenId });
		values.add(new String[] { "error", this.error });
		values.add(new String[] { "from", this.from });
		values.add(new String[] { "to", this.to });
		for (String[] value : values) {
			if (present(value[1])) {
				uri.queryParam(value[0], value[1]);
			}
		}
		String query = uri.encode().build().getQuery();
		return (query != null) ? query : "";
	}

	private Instant day(String field, String value, int plusDays) {
		if (!present(value)) {
			return null;
		}
		try {
			return LocalDate.parse(value.strip()).plusDays(plusDays).atStartOfDay().toInstant(ZoneOffset.UTC);
		}
		catch (DateTimeParseException ex) {
			this.errors.put(field, "must be a day such as 2026-11-20");
			return null;
		}
	}

	private static boolean present(String value) {
		return value != null && !value.isBlank();
	}

	private static String trimmed(String value) {
		return present(value) ? value.strip() : null;
	}

	public String getStatus() {
		return this.status;
	}

	public void setStatus(String status) {
		this.status = status;
	}

	public String getDestination() {
		return this.destination;
	}

	public void setDestination(String destination) {
		this.destination = destination;
	}

	public String getLeadgenId() {
		return this.leadgenId;
	}

	public void setLeadgenId(String leadgenId) {
		this.leadgenId = leadgenId;
	}

	public String getError() {
		return this.error;
	}

	public void setError(String error) {
		this.error = error;
	}

	public String getFrom() {
		return this.from;
	}

	public void setFrom(String from) {
		this.from = from;
	}

	public String getTo() {
		return this.to;
	}

	public void setTo(String to) {
		this.to = to;
	}

	public Long getBefore() {
		return this.before;
	}

	public void setBefore(Long before) {
		this.before = before;
	}

}
