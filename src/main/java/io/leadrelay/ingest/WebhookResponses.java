package io.leadrelay.ingest;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.apache.camel.Exchange;
import org.apache.camel.Message;

import org.springframework.http.HttpStatus;

/**
 * Writes the webhook's answers into a Camel exchange: plain text for the handshake, JSON
 * for receipts and RFC 7807 problem JSON for rejections.
 */
final class WebhookResponses {

	static final String PROBLEM_JSON = "application/problem+json";

	private final ObjectMapper mapper;

	WebhookResponses(ObjectMapper mapper) {
		this.mapper = mapper;
	}

	void text(Exchange exchange, HttpStatus status, String text) {
		write(exchange, status, "text/plain;charset=UTF-8", text);
	}

	void receipt(Exchange exchange, int accepted, int duplicates, int ignored) {
		ObjectNode body = this.mapper.createObjectNode()
			.put("accepted", accepted)
			.put("duplicates", duplicates)
			.put("ignored", ignored);
		write(exchange, HttpStatus.OK, "application/json", body.toString());
	}

	void problem(Exchange exchange, RejectionReason reason, String detail, String field) {
		write(exchange, reason.status(), PROBLEM_JSON, problemJson(this.mapper, reason, detail, field));
	}

	static String problemJson(ObjectMapper mapper, RejectionReason reason, String detail, String field) {
		ObjectNode body = mapper.createObjectNode()
			.put("type", "about:blank")
			.put("title", reason.status().getReasonPhrase())
			.put("status", reason.status().value())
			.put("detail", detail)
			.put("reason", reason.code());
		if (field != null) {
			body.put("field", field);
		}
		return body.toString();
	}

	private static void write(Exchange exchange, HttpStatus status, String contentType, String body) {
		Message message = exchange.getMessage();
		message.getHeaders().clear();
		message.setHeader(Exchange.HTTP_RESPONSE_CODE, status.value());
		message.setHeader(Exchange.CONTENT_TYPE, contentType);
		message.setBody(body);
	}

}
