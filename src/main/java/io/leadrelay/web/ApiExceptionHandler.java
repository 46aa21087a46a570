package io.leadrelay.web;

import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import io.leadrelay.crypto.NoEncryptionKeyException;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Turns API errors into RFC 7807 problem JSON; Spring's own errors (bad types, missing
 * parameters, unknown paths) come out in the same shape through the base class. A
 * {@code field} property names the offending parameter or JSON field where there is one.
 * Each feature's {@code web} package translates its own exceptions the same way.
 */
@RestControllerAdvice(annotations = RestController.class)
class ApiExceptionHandler extends ResponseEntityExceptionHandler {

	@ExceptionHandler(InvalidRequestException.class)
	ProblemDetail invalidRequest(InvalidRequestException ex) {
		return ApiProblems.of(HttpStatus.BAD_REQUEST, ex.getMessage(), ex.field());
	}

	@ExceptionHandler(NoEncryptionKeyException.class)
	ProblemDetail noEncryptionKey(NoEncryptionKeyException ex) {
		return ApiProblems.of(HttpStatus.SERVICE_UNAVAILABLE, ex.getMessage(), "leadrelay.crypto.keys");
	}

	@Override
	protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		ProblemDetail problem = ApiProblems.of(HttpStatus.BAD_REQUEST, "The request body is not valid JSON", null);
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

}
