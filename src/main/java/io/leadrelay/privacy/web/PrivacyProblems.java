package io.leadrelay.privacy.web;

import io.leadrelay.privacy.ErasureRefusedException;
import io.leadrelay.web.ApiProblems;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * Problem JSON for the privacy feature's errors, wherever an API raises them.
 */
@RestControllerAdvice(annotations = RestController.class)
class PrivacyProblems {

	@ExceptionHandler(ErasureRefusedException.class)
	ProblemDetail erasureRefused(ErasureRefusedException ex) {
		return ApiProblems.of(HttpStatus.CONFLICT, ex.getMessage(), null);
	}

}
