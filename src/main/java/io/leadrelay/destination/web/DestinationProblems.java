package io.leadrelay.destination.web;

import io.leadrelay.destination.DestinationAlreadyExistsException;
import io.leadrelay.destination.DestinationHasWaitingDeliveriesException;
import io.leadrelay.destination.DestinationNotFoundException;
import io.leadrelay.destination.InvalidDestinationException;
import io.leadrelay.web.ApiProblems;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * Problem JSON for the destination feature's errors, wherever an API raises them.
 */
@RestControllerAdvice(annotations = RestController.class)
class DestinationProblems {

	@ExceptionHandler(InvalidDestinationException.class)
	ProblemDetail invalid(InvalidDestinationException ex) {
		return ApiProblems.of(HttpStatus.BAD_REQUEST, ex.getMessage(), ex.field());
	}

	@ExceptionHandler(DestinationNotFoundException.class)
	ProblemDetail notFound(DestinationNotFoundException ex) {
		return ApiProblems.of(HttpStatus.NOT_FOUND, ex.getMessage(), null);
	}

	@ExceptionHandler(DestinationAlreadyExistsException.class)
	ProblemDetail alreadyExists(DestinationAlreadyExistsException ex) {
		return ApiProblems.of(HttpStatus.CONFLICT, ex.getMessage(), null);
	}

	@ExceptionHandler(DestinationHasWaitingDeliveriesException.class)
	ProblemDetail waiting(DestinationHasWaitingDeliveriesException ex) {
		ProblemDetail problem = ApiProblems.of(HttpStatus.CONFLICT, ex.getMessage(), "waiting");
		problem.setProperty("waitingDeliveries", ex.waiting());
		return problem;
	}

}
