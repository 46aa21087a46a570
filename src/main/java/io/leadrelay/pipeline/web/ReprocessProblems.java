package io.leadrelay.pipeline.web;

import io.leadrelay.pipeline.ReprocessRefusedException;
import io.leadrelay.pipeline.UnknownLeadException;
import io.leadrelay.web.ApiProblems;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * Problem JSON for reprocessing: an unknown lead is a 404; a lead whose status does not
 * allow it is a 409; a filter naming such a status is a 400 naming the field.
 */
@RestControllerAdvice(annotations = RestController.class)
class ReprocessProblems {

	@ExceptionHandler(UnknownLeadException.class)
	ProblemDetail unknownLead(UnknownLeadException ex) {
		return ApiProblems.of(HttpStatus.NOT_FOUND, ex.getMessage(), null);
	}

	@ExceptionHandler(ReprocessRefusedException.class)
	ProblemDetail refused(ReprocessRefusedException ex) {
		HttpStatus status = (ex.field() != null) ? HttpStatus.BAD_REQUEST : HttpStatus.CONFLICT;
		return ApiProblems.of(status, ex.getMessage(), ex.field());
	}

}
