package io.leadrelay.web;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

/**
 * RFC 7807 problem JSON as every API error has it: a status, a detail a person can act
 * on, and the offending parameter or JSON field where there is one.
 */
public final class ApiProblems {

	private ApiProblems() {
	}

	public static ProblemDetail of(HttpStatus status, String detail, String field) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
		if (field != null) {
			problem.setProperty("field", field);
		}
		return problem;
	}

}
