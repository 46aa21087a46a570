package io.leadrelay.page.web;

import io.leadrelay.page.PageAlreadyExistsException;
import io.leadrelay.page.PageNotFoundException;
import io.leadrelay.web.ApiProblems;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * Problem JSON for the page feature's errors, wherever an API raises them.
 */
@RestControllerAdvice(annotations = RestController.class)
class PageProblems {

	@ExceptionHandler(PageNotFoundException.class)
	ProblemDetail notFound(PageNotFoundException ex) {
		return ApiProblems.of(HttpStatus.NOT_FOUND, ex.getMessage(), null);
	}

	@ExceptionHandler(PageAlreadyExistsException.class)
	ProblemDetail alreadyExists(PageAlreadyExistsException ex) {
		return ApiProblems.of(HttpStatus.CONFLICT, ex.getMessage(), null);
	}

}
