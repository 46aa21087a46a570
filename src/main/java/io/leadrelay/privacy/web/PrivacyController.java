package io.leadrelay.privacy.web;

import java.security.Principal;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.leadrelay.privacy.ErasureResult;
import io.leadrelay.privacy.PersonKey;
import io.leadrelay.privacy.PersonKeys;
import io.leadrelay.privacy.Privacy;
import io.leadrelay.web.ApiProblems;
import io.leadrelay.web.InvalidRequestException;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * A person's data rights through the API (admins only): {@code GET export} downloads
 * everything stored about them as JSON; {@code POST erasures} erases them.
 */
@RestController
@RequestMapping("/api/v1/privacy")
class PrivacyController {

	/** The fields of an erasure: exactly one key, and whether to ask the CRMs. */
	static final List<String> FIELDS = List.of("email", "phone", "leadgenId", "deleteInCrms");

	private final PersonKeys keys;

	private final Privacy privacy;

	PrivacyController(PersonKeys keys, Privacy privacy) {
		this.keys = keys;
		this.privacy = privacy;
	}

	@GetMapping("/export")
	ResponseEntity<?> export(@RequestParam(required = false) String email, @RequestParam(required = false) String phone,
			@RequestParam(required = false) String leadgenId) {
		PersonKey key = this.keys.parse(email, phone, leadgenId);
		return this.privacy.export(key)
			.<ResponseEntity<?>>map((document) -> download(key, document))
			.orElseGet(() -> ResponseEntity.status(HttpStatus.NOT_FOUND).body(notFound(key)));
	}

	@PostMapping("/erasures")
	Map<String, Object> erase(@RequestBody Map<String, Object> request, Principal user) {
		request.keySet().stream().filter((name) -> !FIELDS.contains(name)).findFirst().ifPresent((name) -> {
			throw new InvalidRequestException(name,
					"Unknown field " + name + "; expected " + String.join(", ", FIELDS));
		});
		PersonKey key = this.keys.parse(text(request, "email"), text(request, "phone"), text(request, "leadgenId"));
		if (!(request.get("deleteInCrms") instanceof Boolean deleteInCrms)) {
			throw new InvalidRequestException("deleteInCrms",
					"must be true (ask the CRMs to delete the person) or false (list what to delete by hand)");
		}
		ErasureResult result = this.privacy.erase(key, deleteInCrms, user.getName());
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("message", ErasureMessages.summary(result));
		body.put("result", result);
		body.put("leftToOperator", result.leftToOperator());
		return body;
	}

	private static String text(Map<String, Object> request, String field) {
		Object value = request.get(field);
		if (value != null && !(value instanceof String)) {
			throw new InvalidRequestException(field, "must be text");
		}
		return (String) value;
	}

	private ProblemDetail notFound(PersonKey key) {
		boolean suppressed = this.privacy.suppressed(key);
		ProblemDetail problem = ApiProblems.of(HttpStatus.NOT_FOUND, ErasureMessages.noLead(key, suppressed),
				key.kind().field());
		problem.setProperty("suppressed", suppressed);
		return problem;
	}

	/** The export as a JSON file to save, named without personal data. */
	static ResponseEntity<Object> download(PersonKey key, Object document) {
		return ResponseEntity.ok()
			.contentType(MediaType.APPLICATION_JSON)
			.header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + fileName(key) + "\"")
			.body(document);
	}

	/** The download's name; never the person's data. */
	static String fileName(PersonKey key) {
		return "leadrelay-export-" + key.kind().code().replace('_', '-') + "-" + LocalDate.now(ZoneOffset.UTC)
				+ ".json";
	}

}
