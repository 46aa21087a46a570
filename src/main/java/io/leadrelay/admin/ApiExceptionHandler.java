package io.leadrelay.admin;

import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import io.leadrelay.crypto.NoEncryptionKeyException;
import io.leadrelay.delivery.DeliveryNotFoundException;
import io.leadrelay.delivery.DeliveryNotReplayableException;
import io.leadrelay.destination.DestinationAlreadyExistsException;
import io.leadrelay.destination.DestinationNotFoundException;
import io.leadrelay.destination.InvalidDestinationException;
import io.leadrelay.mapping.InvalidMappingException;
import io.leadrelay.mapping.MappingAlreadyExistsException;
import io.leadrelay.mapping.MappingNotFoundException;
import io.leadrelay.page.PageAlreadyExistsException;
import io.leadrelay.page.PageNotFoundException;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Turns API errors into RFC 7807 problem JSON; Spring's own errors (bad types, missing
 * parameters, unknown paths) come out in the same shape through the base class. A
 * {@code field} property names the offending parameter or JSON field where there is one.
 */
@RestControllerAdvice(basePackageClasses = ApiExceptionHandler.class)
class ApiExceptionHandler extends ResponseEntityExceptionHandler {

	@ExceptionHandler(InvalidRequestException.class)
	ProblemDetail invalidRequest(InvalidRequestException ex) {
		return problem(HttpStatus.BAD_REQUEST, ex.getMessage(), ex.field());
	}

	@ExceptionHandler(InvalidDestinationException.class)
	ProblemDetail invalidDestination(InvalidDestinationException ex) {
		return problem(HttpStatus.BAD_REQUEST, ex.getMessage(), ex.field());
	}

	@ExceptionHandler(InvalidMappingException.class)
	ProblemDetail invalidMapping(InvalidMappingException ex) {
		ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, ex.getMessage(), ex.path());
		if (ex.line() > 0) {
			problem.setProperty("line", ex.line());
		}
		return problem;
	}

	@ExceptionHandler({ PageNotFoundException.class, DestinationNotFoundException.class, MappingNotFoundException.class,
			DeliveryNotFoundException.class })
	ProblemDetail notFound(RuntimeException ex) {
		return problem(HttpStatus.NOT_FOUND, ex.getMessage(), null);
	}

	@ExceptionHandler({ PageAlreadyExistsException.class, DestinationAlreadyExistsException.class,
			MappingAlreadyExistsException.class, DeliveryNotReplayableException.class })
	ProblemDetail conflict(RuntimeException ex) {
		return problem(HttpStatus.CONFLICT, ex.getMessage(), null);
	}

	@ExceptionHandler(NoEncryptionKeyException.class)
	ProblemDetail noEncryptionKey(NoEncryptionKeyException ex) {
		return problem(HttpStatus.SERVICE_UNAVAILABLE, ex.getMessage(), "leadrelay.crypto.keys");
	}

	@Override
	protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, "The request body is not valid JSON", null);
		if (ex.getCause() instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
			String field = mapping.getPath()
				.stream()
				.map((reference) -> (reference.getFieldName() != null) ? reference.getFieldName()
						: "[" + reference.getIndex() + "]")
				.collect(Collectors.joining("."))
				.replace(".[", "[");
			problem.setProperty("field", field);
			problem.setDetail((mapping instanceof UnrecognizedPropertyException) ? "Unknown field " + field
					: "The field " + field + " has the wrong type");
		}
		return ResponseEntity.badRequest().body(problem);
	}

	private static ProblemDetail problem(HttpStatus status, String detail, String field) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
		if (field != null) {
			problem.setProperty("field", field);
		}
		return problem;
	}

}
