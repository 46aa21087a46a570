package io.leadrelay.testlead.web;

import java.security.Principal;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import io.leadrelay.testlead.InvalidTestLeadException;
import io.leadrelay.testlead.TestLeadResult;
import io.leadrelay.testlead.TestLeads;
import io.leadrelay.web.ApiProblems;
import io.leadrelay.web.JsonBody;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/v1/mappings/{id}/test-lead}: send a test lead through a mapping now
 * and answer what the CRM said. Answers left out take sample values.
 */
@RestController
class TestLeadApiController {

	private final TestLeads testLeads;

	TestLeadApiController(TestLeads testLeads) {
		this.testLeads = testLeads;
	}

	@PostMapping("/api/v1/mappings/{id}/test-lead")
	TestLeadResult send(@PathVariable String id, @RequestBody(required = false) JsonNode body, Principal user) {
		Map<String, String> answers = Map.of();
		if (body != null && !body.isNull() && !body.isMissingNode()) {
			Map<String, String> given = JsonBody.of(body, Set.of("answers")).stringMap("answers");
			answers = (given != null) ? given : Map.of();
		}
		return this.testLeads.send(id, answers, user.getName());
	}

	@ExceptionHandler(InvalidTestLeadException.class)
	ProblemDetail invalid(InvalidTestLeadException ex) {
		return ApiProblems.of(HttpStatus.BAD_REQUEST, ex.getMessage(), ex.field());
	}

}
