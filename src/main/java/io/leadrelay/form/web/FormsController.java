package io.leadrelay.form.web;

import java.time.Instant;

import io.leadrelay.form.FormRefresh;
import io.leadrelay.form.FormRefreshException;
import io.leadrelay.form.LeadForms;
import io.leadrelay.form.PageForms;
import io.leadrelay.web.ApiProblems;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/v1/pages/{pageId}/forms} and {@code /api/v1/forms/{formId}}: the lead forms
 * read from Meta, with their questions. (The rest of {@code /api/v1/pages} is the page
 * feature's.)
 */
@RestController
class FormsController {

	private final FormRefresh refresh;

	private final LeadForms forms;

	FormsController(FormRefresh refresh, LeadForms forms) {
		this.refresh = refresh;
		this.forms = forms;
	}

	/** The page's kept forms; a page never read is read first. */
	@GetMapping("/api/v1/pages/{pageId}/forms")
	ResponseEntity<Object> ofPage(@PathVariable String pageId) {
		PageForms read = this.refresh.view(pageId);
		if (read.problem() != null && read.forms().isEmpty()) {
			return ResponseEntity.status(HttpStatus.BAD_GATEWAY)
				.body(ApiProblems.of(HttpStatus.BAD_GATEWAY, read.problem(), null));
		}
		return ResponseEntity.ok(read.forms());
	}

	@PostMapping("/api/v1/pages/{pageId}/forms/refresh")
	Refreshed refresh(@PathVariable String pageId) {
		int read = this.refresh.refresh(pageId);
		return new Refreshed(pageId, read, this.refresh.readAt(pageId));
	}

	@GetMapping("/api/v1/forms/{formId}")
	ResponseEntity<Object> form(@PathVariable String formId) {
		return this.forms.get(formId)
			.<ResponseEntity<Object>>map(ResponseEntity::ok)
			.orElseGet(() -> ResponseEntity.status(HttpStatus.NOT_FOUND)
				.body(ApiProblems.of(HttpStatus.NOT_FOUND,
						"No form " + formId + " is known; read the forms of its page first", null)));
	}

	@ExceptionHandler(FormRefreshException.class)
	ResponseEntity<ProblemDetail> notRead(FormRefreshException ex) {
		return ResponseEntity.status(HttpStatus.BAD_GATEWAY)
			.body(ApiProblems.of(HttpStatus.BAD_GATEWAY, ex.getMessage(), null));
	}

	/**
	 * What a refresh did.
	 *
	 * @param pageId the page
	 * @param forms how many forms Meta listed
	 * @param readAt when
	 */
	record Refreshed(String pageId, int forms, Instant readAt) {
	}

}
