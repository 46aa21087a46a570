package io.leadrelay.privacy;

import java.util.Locale;

/**
 * What one person is looked up by: exactly one of an email (trimmed, lower-cased), a
 * phone number (E.164) or a leadgen id.
 *
 * @param kind which one
 * @param value its normalized form
 */
public record PersonKey(Kind kind, String value) {

	/** The kinds of key, named as the API's fields. */
	public enum Kind {

		EMAIL("email"), PHONE("phone"), LEADGEN_ID("leadgenId");

		private final String field;

		Kind(String field) {
			this.field = field;
		}

		/** The name of the request's field or parameter. */
		public String field() {
			return this.field;
		}

		/** The kind in audit entries and suppression rows. */
		public String code() {
			return name().toLowerCase(Locale.ROOT);
		}

		/** In the marketer's words: "email", "phone number", "lead id". */
		public String words() {
			return switch (this) {
				case EMAIL -> "email";
				case PHONE -> "phone number";
				case LEADGEN_ID -> "lead id";
			};
		}

	}

	@Override
	public String toString() {
		return "PersonKey[kind=" + this.kind + "]";
	}

}
