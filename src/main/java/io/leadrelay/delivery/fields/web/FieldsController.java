package io.leadrelay.delivery.fields.web;

import java.time.Instant;
import java.util.List;

import io.leadrelay.delivery.fields.DestinationFields;
import io.leadrelay.delivery.fields.FieldDiscovery;
import io.leadrelay.delivery.fields.FieldReadException;
import io.leadrelay.destination.CrmField;
import io.leadrelay.web.ApiProblems;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/v1/destinations/{id}/fields}: the fields the destination's CRM offers, as
 * last read, and reading them again. (The rest of {@code /api/v1/destinations} is the
 * destination feature's.)
 */
@RestController
@RequestMapping("/api/v1/destinations/{id}/fields")
class FieldsController {

	private final FieldDiscovery discovery;

	FieldsController(FieldDiscovery discovery) {
		this.discovery = discovery;
	}

	/** The kept fields; when none are kept, the CRM is read first. */
	@GetMapping
	ResponseEntity<Object> fields(@PathVariable String id) {
		DestinationFields view = this.discovery.view(id);
		if (view.problem() != null && view.fields().isEmpty()) {
			return problem(view.problem());
		}
		return ResponseEntity.ok(new Listed(id, view.anyFieldName(), view.readAt(), view.fields()));
	}

	@PostMapping("/refresh")
	Listed refresh(@PathVariable String id) {
		if (this.discovery.takesAnyFieldName(id)) {
			return new Listed(id, true, null, List.of());
		}
		List<CrmField> fields = this.discovery.refresh(id);
		return new Listed(id, false, this.discovery.view(id).readAt(), fields);
	}

	@ExceptionHandler(FieldReadException.class)
	ResponseEntity<Object> notRead(FieldReadException ex) {
		return problem(ex.getMessage());
	}

	private static ResponseEntity<Object> problem(String message) {
		ProblemDetail problem = ApiProblems.of(HttpStatus.BAD_GATEWAY, message, null);
		return ResponseEntity.status(HttpStatus.BAD_GATEWAY).body(problem);
	}

	/**
	 * A destination's fields.
	 *
	 * @param destinationId the destination
	 * @param anyFieldName whether it takes any field names (no list to read)
	 * @param readAt when they were read from the CRM
	 * @param fields the fields, required first
	 */
	record Listed(String destinationId, boolean anyFieldName, Instant readAt, List<CrmField> fields) {
	}

}
