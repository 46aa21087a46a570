package io.leadrelay.ingest;

import java.util.Locale;

import org.springframework.http.HttpStatus;

/**
 * Why a webhook request was turned away; the code is what the response, the log and the
 * {@code reason} tag of the rejection counter say.
 */
enum RejectionReason {

	NO_APP_SECRET_CONFIGURED(HttpStatus.UNAUTHORIZED, "no app secret is configured (leadrelay.meta.app-secrets)"),

	MISSING_SIGNATURE(HttpStatus.UNAUTHORIZED, "the X-Hub-Signature-256 header is missing"),

	MALFORMED_SIGNATURE(HttpStatus.UNAUTHORIZED,
			"the X-Hub-Signature-256 header is not 'sha256=' followed by 64 hex digits"),

	SIGNATURE_MISMATCH(HttpStatus.UNAUTHORIZED, "the X-Hub-Signature-256 header does not match the body"),

	BODY_TOO_LARGE(HttpStatus.PAYLOAD_TOO_LARGE, "the body is larger than leadrelay.ingest.max-body-size"),

	UNSUPPORTED_MEDIA_TYPE(HttpStatus.UNSUPPORTED_MEDIA_TYPE,
			"the body is declared as a form; Meta sends notifications as application/json"),

	INVALID_PAYLOAD(HttpStatus.BAD_REQUEST, "the body is not a valid Meta webhook notification"),

	STORAGE_UNAVAILABLE(HttpStatus.SERVICE_UNAVAILABLE,
			"the leads could not be stored right now; nothing was kept, Meta will send them again"),

	INTERNAL_ERROR(HttpStatus.INTERNAL_SERVER_ERROR,
			"the notification could not be handled; nothing was kept, Meta will send it again");

	private final HttpStatus status;

	private final String description;

	RejectionReason(HttpStatus status, String description) {
		this.status = status;
		this.description = description;
	}

	HttpStatus status() {
		return this.status;
	}

	String description() {
		return this.description;
	}

	String code() {
		return name().toLowerCase(Locale.ROOT);
	}

}
