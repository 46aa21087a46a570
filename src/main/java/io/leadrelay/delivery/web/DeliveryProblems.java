package io.leadrelay.delivery.web;

import io.leadrelay.delivery.DeliveryChangeRefusedException;
import io.leadrelay.delivery.DeliveryNotFoundException;
import io.leadrelay.delivery.DeliveryNotReplayableException;
import io.leadrelay.delivery.ReplayRefusedException;
import io.leadrelay.web.ApiProblems;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * Problem JSON for the delivery feature's errors, wherever an API raises them.
 */
@RestControllerAdvice(annotations = RestController.class)
class DeliveryProblems {

	@ExceptionHandler(DeliveryNotFoundException.class)
	ProblemDetail notFound(DeliveryNotFoundException ex) {
		return ApiProblems.of(HttpStatus.NOT_FOUND, ex.getMessage(), null);
	}

	@ExceptionHandler(ReplayRefusedException.class)
	ProblemDetail replayRefused(ReplayRefusedException ex) {
		return ApiProblems.of(HttpStatus.BAD_REQUEST, ex.getMessage(), ex.field());
	}

	@ExceptionHandler(DeliveryChangeRefusedException.class)
	ProblemDetail changeRefused(DeliveryChangeRefusedException ex) {
		return ApiProblems.of(HttpStatus.BAD_REQUEST, ex.getMessage(), ex.field());
	}

	@ExceptionHandler(DeliveryNotReplayableException.class)
	ProblemDetail notReplayable(DeliveryNotReplayableException ex) {
		return ApiProblems.of(HttpStatus.CONFLICT, ex.getMessage(), null);
	}

}
