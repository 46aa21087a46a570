package io.leadrelay.mapping;

/**
 * A value a transform cannot work with. The message says why without repeating the value,
 * which may be personal data.
 */
class TransformException extends RuntimeException {

	TransformException(String message) {
		super(message);
	}

}
