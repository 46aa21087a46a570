package io.leadrelay.mapping.web;

import io.leadrelay.mapping.DestinationTakenException;
import io.leadrelay.mapping.InvalidMappingException;
import io.leadrelay.mapping.MappingAlreadyExistsException;
import io.leadrelay.mapping.MappingNotFoundException;
import io.leadrelay.web.ApiProblems;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * Problem JSON for the mapping feature's errors, wherever an API raises them; an invalid
 * mapping names its path and, for YAML, its line.
 */
@RestControllerAdvice(annotations = RestController.class)
class MappingProblems {

	@ExceptionHandler(InvalidMappingException.class)
	ProblemDetail invalid(InvalidMappingException ex) {
		ProblemDetail problem = ApiProblems.of(HttpStatus.BAD_REQUEST, ex.getMessage(), ex.path());
		if (ex.line() > 0) {
			problem.setProperty("line", ex.line());
		}
		return problem;
	}

	@ExceptionHandler(DestinationTakenException.class)
	ProblemDetail destinationTaken(DestinationTakenException ex) {
		ProblemDetail problem = invalid(ex);
		problem.setProperty("conflictsWith", ex.otherMapping());
		return problem;
	}

	@ExceptionHandler(MappingNotFoundException.class)
	ProblemDetail notFound(MappingNotFoundException ex) {
		return ApiProblems.of(HttpStatus.NOT_FOUND, ex.getMessage(), null);
	}

	@ExceptionHandler(MappingAlreadyExistsException.class)
	ProblemDetail alreadyExists(MappingAlreadyExistsException ex) {
		return ApiProblems.of(HttpStatus.CONFLICT, ex.getMessage(), null);
	}

}
