package io.leadrelay.delivery.web;

import java.security.Principal;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.leadrelay.delivery.Deliveries;
import io.leadrelay.delivery.DeliveryAttemptView;
import io.leadrelay.delivery.DeliveryEdits;
import io.leadrelay.delivery.DeliveryFilter;
import io.leadrelay.delivery.DeliveryStatus;
import io.leadrelay.delivery.DeliveryView;
import io.leadrelay.delivery.PayloadEdit;
import io.leadrelay.delivery.Replays;
import io.leadrelay.security.PersonalData;
import io.leadrelay.web.InvalidRequestException;
import io.leadrelay.web.JsonBody;

import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/v1/deliveries}: every lead's deliveries, the dead letters among them
 * ({@code ?status=dead}), their attempts, and replay, one by one or by filter.
 */
@RestController
@RequestMapping("/api/v1/deliveries")
class DeliveriesController {

	static final int MAX_PAGE_SIZE = 200;

	private static final Set<String> FILTER_FIELDS = Set.of("status", "destination", "leadgenId", "error", "from", "to",
			"resendAsIs");

	private final Deliveries deliveries;

	private final Replays replays;

	private final DeliveryEdits edits;

	private final ObjectMapper json;

	DeliveriesController(Deliveries deliveries, Replays replays, DeliveryEdits edits, ObjectMapper json) {
		this.deliveries = deliveries;
		this.replays = replays;
		this.edits = edits;
		this.json = json;
	}

	@GetMapping
	Deliveries.Slice list(@RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size,
			@RequestParam(required = false) String status, @RequestParam(required = false) String destination,
			@RequestParam(required = false) String leadgenId, @RequestParam(required = false) String error,
			@RequestParam(required = false) String from, @RequestParam(required = false) String to) {
		if (page < 0) {
			throw new InvalidRequestException("page", "page must be 0 or more");
		}
		if (size < 1 || size > MAX_PAGE_SIZE) {
			throw new InvalidRequestException("size", "size must be between 1 and " + MAX_PAGE_SIZE);
		}
		return this.deliveries.find(filter(status, destination, leadgenId, error, from, to), page, size);
	}

	/**
	 * A delivery with the payload it sends, every attempt and every edit of its payload.
	 * Payloads hold the lead's personal data: a viewer sees their field names with each
	 * value hidden.
	 */
	@GetMapping("/{id}")
	Detail get(@PathVariable long id, Authentication caller) throws JsonProcessingException {
		JsonNode payload = this.json.readTree(this.deliveries.payload(id));
		List<Edit> edits = new ArrayList<>();
		for (PayloadEdit edit : this.edits.edits(id)) {
			edits.add(new Edit(edit.editedAt(), edit.editedBy(), edit.reason(),
					PersonalData.forCaller(caller, this.json.readTree(edit.previousPayload())),
					PersonalData.forCaller(caller, this.json.readTree(edit.newPayload()))));
		}
		return new Detail(this.deliveries.get(id), PersonalData.forCaller(caller, payload),
				this.deliveries.attempts(id), edits);
	}

	/** Gives up on a dead letter, with a reason: {@code {"reason": "..."}}. */
	@PostMapping("/{id}/discard")
	DeliveryView discard(@PathVariable long id, @RequestBody JsonNode body, Principal user) {
		return this.edits.discard(id, JsonBody.of(body, Set.of("reason")).text("reason"), user.getName());
	}

	/**
	 * Replaces a dead (or delivered) delivery's payload, keeping the one it replaces, and
	 * sends it again unless {@code "resend": false}: {@code {"payload": {...}, "reason":
	 * "...", "resend": true}}.
	 */
	@PutMapping("/{id}/payload")
	DeliveryView editPayload(@PathVariable long id, @RequestBody JsonNode body, Principal user) {
		JsonBody request = JsonBody.of(body, Set.of("payload", "reason", "resend"));
		if (!request.has("payload")) {
			throw new InvalidRequestException("payload", "payload is required: the JSON object to send");
		}
		boolean resend = !Boolean.FALSE.equals(request.bool("resend"));
		return this.edits.editPayload(id, request.raw("payload"), request.text("reason"), resend, user.getName());
	}

	/**
	 * Sends a dead (or delivered) delivery again, re-mapped with the mapping's current
	 * version unless {@code resendAsIs} is true.
	 */
	@PostMapping("/{id}/replay")
	DeliveryView replay(@PathVariable long id, @RequestBody(required = false) JsonNode body, Principal user) {
		boolean asIs = false;
		if (body != null && !body.isNull()) {
			Boolean flag = JsonBody.of(body, Set.of("resendAsIs")).bool("resendAsIs");
			asIs = Boolean.TRUE.equals(flag);
		}
		return this.replays.replay(id, asIs, user.getName());
	}

	/** Replays every delivery a filter matches (dead ones unless told otherwise). */
	@PostMapping("/replay")
	Replays.BulkResult replayAll(@RequestBody JsonNode body, Principal user) {
		JsonBody request = JsonBody.of(body, FILTER_FIELDS);
		String status = (request.text("status") != null) ? request.text("status") : "dead";
		if (!List.of("dead", "delivered").contains(status)) {
			throw new InvalidRequestException("status", "only dead or delivered deliveries can be replayed");
		}
		DeliveryFilter filter = filter(status, request.text("destination"), request.text("leadgenId"),
				request.text("error"), request.text("from"), request.text("to"));
		return this.replays.replayAll(filter, Boolean.TRUE.equals(request.bool("resendAsIs")), user.getName());
	}

	private static DeliveryFilter filter(String status, String destination, String leadgenId, String error, String from,
			String to) {
		return new DeliveryFilter(status(status), blankToNull(destination), blankToNull(leadgenId), blankToNull(error),
				instant("from", from), instant("to", to));
	}

	private static DeliveryStatus status(String value) {
		if (value == null || value.isEmpty()) {
			return null;
		}
		return DeliveryStatus.fromCode(value)
			.orElseThrow(() -> new InvalidRequestException("status", "status must be one of "
					+ Arrays.stream(DeliveryStatus.values()).map(DeliveryStatus::code).toList()));
	}

	private static Instant instant(String field, String value) {
		if (value == null || value.isEmpty()) {
			return null;
		}
		try {
			return Instant.parse(value);
		}
		catch (DateTimeParseException ex) {
			throw new InvalidRequestException(field,
					field + " must be an ISO-8601 instant such as 2026-11-20T00:00:00Z");
		}
	}

	private static String blankToNull(String value) {
		return (value == null || value.isBlank()) ? null : value;
	}

	/**
	 * A delivery in full.
	 *
	 * @param delivery where it stands
	 * @param payload the fields it sends (values hidden from viewers)
	 * @param attempts every try, oldest first
	 * @param edits every hand edit of its payload, oldest first
	 */
	record Detail(DeliveryView delivery, JsonNode payload, List<DeliveryAttemptView> attempts, List<Edit> edits) {
	}

	/**
	 * A hand edit of a delivery's payload.
	 *
	 * @param editedAt when
	 * @param editedBy who
	 * @param reason why
	 * @param previousPayload the payload before (values hidden from viewers)
	 * @param newPayload the payload after (values hidden from viewers)
	 */
	record Edit(Instant editedAt, String editedBy, String reason, JsonNode previousPayload, JsonNode newPayload) {
	}

}
