package io.leadrelay.security.users;

import io.leadrelay.web.ApiProblems;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * Problem JSON for the users feature's errors, wherever an API raises them.
 */
@RestControllerAdvice(annotations = RestController.class)
class UserProblems {

	@ExceptionHandler(InvalidUserException.class)
	ProblemDetail invalid(InvalidUserException ex) {
		return ApiProblems.of(HttpStatus.BAD_REQUEST, ex.getMessage(), ex.field());
	}

	@ExceptionHandler(UserNotFoundException.class)
	ProblemDetail notFound(UserNotFoundException ex) {
		return ApiProblems.of(HttpStatus.NOT_FOUND, ex.getMessage(), null);
	}

	@ExceptionHandler(UserAlreadyExistsException.class)
	ProblemDetail alreadyExists(UserAlreadyExistsException ex) {
		return ApiProblems.of(HttpStatus.CONFLICT, ex.getMessage(), "username");
	}

	@ExceptionHandler(LastAdminException.class)
	ProblemDetail lastAdmin(LastAdminException ex) {
		return ApiProblems.of(HttpStatus.CONFLICT, ex.getMessage(), null);
	}

}
