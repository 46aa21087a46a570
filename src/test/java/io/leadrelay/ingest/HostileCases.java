package io.leadrelay.ingest;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import io.leadrelay.support.LeadgenPayloads;
import io.leadrelay.support.MetaSignatures;

/**
 * The named hostile cases of {@link HostileInputTests}: text that breaks naive decoders,
 * where it is put in a notification, and mangled signature headers.
 */
final class HostileCases {

	private HostileCases() {
	}

	/** What the engine must do with a case. */
	enum Outcome {

		/** 200 and every lead of the body stored once. */
		STORED,

		/** 200 and nothing stored: the change is not a lead. */
		IGNORED,

		/** Refused (4xx) and nothing stored. */
		REFUSED

	}

	/** A piece of a JSON string's content, as the bytes on the wire. */
	enum UnicodeFragment {

		LONE_HIGH_SURROGATE_ESCAPED("\\ud800"), LONE_LOW_SURROGATE_ESCAPED("\\udfff"),
		REVERSED_SURROGATES_ESCAPED("\\ude00\\ud83d"), EMOJI_ESCAPED("\\ud83d\\ude00"), BOM_ESCAPED("\\ufeff"),
		NUL_ESCAPED("\\u0000"), RTL_OVERRIDE_ESCAPED("\\u202e"), BOM_RAW(0xEF, 0xBB, 0xBF),
		RTL_MARK_RAW(0xE2, 0x80, 0x8F), RTL_OVERRIDE_RAW(0xE2, 0x80, 0xAE), EMOJI_RAW(0xF0, 0x9F, 0x98, 0x80),
		LINE_SEPARATOR_RAW(0xE2, 0x80, 0xA8), NONCHARACTER_RAW(0xEF, 0xBF, 0xBF),
		ZERO_WIDTH_JOINER_RAW(0xE2, 0x80, 0x8D), LATIN_RAW(0x4A, 0xC3, 0xB6, 0x72, 0x67),

		/** Not JSON: a control character must be escaped. */
		NUL_RAW(false, 0x00),
		/**
		 * Not UTF-8: overlong encodings of '/', a raw surrogate, past U+10FFFF, stray
		 * bytes.
		 */
		OVERLONG_SLASH_2(false, 0xC0, 0xAF), OVERLONG_SLASH_3(false, 0xE0, 0x80, 0xAF),
		OVERLONG_SLASH_4(false, 0xF0, 0x80, 0x80, 0xAF), SURROGATE_RAW(false, 0xED, 0xA0, 0x80),
		ABOVE_MAX_CODE_POINT(false, 0xF4, 0x90, 0x80, 0x80), BYTE_FF(false, 0xFF),
		TRUNCATED_SEQUENCE(false, 0xE2, 0x82), LONE_CONTINUATION(false, 0x80);

		private final boolean valid;

		private final byte[] bytes;

		UnicodeFragment(String escaped) {
			this.valid = true;
			this.bytes = escaped.getBytes(StandardCharsets.US_ASCII);
		}

		UnicodeFragment(int... bytes) {
			this(true, bytes);
		}

		UnicodeFragment(boolean valid, int... bytes) {
			this.valid = valid;
			this.bytes = new byte[bytes.length];
			for (int i = 0; i < bytes.length; i++) {
				this.bytes[i] = (byte) bytes[i];
			}
		}

		/** Whether the fragment is valid UTF-8 and valid inside a JSON string. */
		boolean valid() {
			return this.valid;
		}

		/** The fragments, each after an ASCII letter so that no two merge into one. */
		static byte[] join(List<UnicodeFragment> fragments) {
			byte[] text = new byte[0];
			for (UnicodeFragment fragment : fragments) {
				text = HostileArbitraries.concat(text, HostileArbitraries.ascii("x"), fragment.bytes);
			}
			return text;
		}

	}

	/** Where hostile text goes in an otherwise valid notification of one lead. */
	enum TextPlace {

		ENTRY_FIELD(Outcome.STORED), LEAD_FIELD(Outcome.STORED), LEAD_KEY(Outcome.STORED),
		CHANGE_FIELD(Outcome.IGNORED), OBJECT(Outcome.REFUSED), LEADGEN_ID(Outcome.REFUSED);

		private static final String TEMPLATE = "{\"object\":\"page<OBJECT>\",\"entry\":[{\"id\":\""
				+ LeadgenPayloads.PAGE_ID + "\",\"time\":1767225600,\"note\":\"<ENTRY_FIELD>\",\"changes\":[{"
				+ "\"field\":\"leadgen<CHANGE_FIELD>\",\"value\":{\"leadgen_id\":\"<ID><LEADGEN_ID>\",\"page_id\":\""
				+ LeadgenPayloads.PAGE_ID + "\",\"form_id\":\"" + LeadgenPayloads.FORM_ID
				+ "\",\"full_name\":\"<LEAD_FIELD>\",\"<LEAD_KEY>k\":\"v\",\"created_time\":1767225590}}]}]}";

		private final Outcome outcome;

		TextPlace(Outcome outcome) {
			this.outcome = outcome;
		}

		/** What happens to the notification when the text is valid. */
		Outcome outcome() {
			return this.outcome;
		}

		byte[] notification(String leadgenId, byte[] text) {
			String json = TEMPLATE.replace("<ID>", leadgenId);
			for (TextPlace place : values()) {
				json = json.replace("<" + place.name() + ">", (place == this) ? "\u0001" : "");
			}
			int at = json.indexOf('\u0001');
			return HostileArbitraries.concat(HostileArbitraries.ascii(json.substring(0, at)), text,
					HostileArbitraries.ascii(json.substring(at + 1)));
		}

	}

	/** A form of the {@code X-Hub-Signature-256} header. */
	enum SignatureVariant {

		MISSING(Outcome.REFUSED), EMPTY(Outcome.REFUSED), BLANK(Outcome.REFUSED), SHA1(Outcome.REFUSED),
		SHA1_PREFIX(Outcome.REFUSED), UPPERCASE_PREFIX(Outcome.REFUSED), UPPERCASE_HEX(Outcome.STORED),
		SURROUNDING_SPACES(Outcome.STORED), SPACE_INSIDE(Outcome.REFUSED), TOO_SHORT(Outcome.REFUSED),
		TOO_LONG(Outcome.REFUSED), NOT_HEX(Outcome.REFUSED), WRONG_SECRET(Outcome.REFUSED), OTHER_BODY(Outcome.REFUSED),
		TWO_WRONG(Outcome.REFUSED),
		/** One right and one wrong header: refusing or accepting are both safe. */
		RIGHT_THEN_WRONG(null), WRONG_THEN_RIGHT(null), TWO_RIGHT(null);

		private final Outcome outcome;

		SignatureVariant(Outcome outcome) {
			this.outcome = outcome;
		}

		/** What must happen. */
		Outcome outcome() {
			return this.outcome;
		}

		/** The header values to send; {@code n} (1..63) picks a cut or a position. */
		List<String> headers(String secret, byte[] body, int n) {
			String right = MetaSignatures.sign(secret, body);
			String hex = right.substring("sha256=".length());
			String wrong = MetaSignatures.sign("not-" + secret, body);
			List<String> headers = new ArrayList<>();
			switch (this) {
				case MISSING -> {
				}
				case EMPTY -> headers.add("");
				case BLANK -> headers.add("   ");
				case SHA1 -> headers.add("sha1=" + HostileArbitraries.hmacHex("HmacSHA1", secret, body));
				case SHA1_PREFIX -> headers.add("sha1=" + hex);
				case UPPERCASE_PREFIX -> headers.add("SHA256=" + hex);
				case UPPERCASE_HEX -> headers.add("sha256=" + hex.toUpperCase(Locale.ROOT));
				case SURROUNDING_SPACES -> headers.add("  " + right + "  ");
				case SPACE_INSIDE -> headers.add("sha256= " + hex);
				case TOO_SHORT -> headers.add(right.substring(0, right.length() - n));
				case TOO_LONG -> headers.add(right + hex.substring(0, n));
				case NOT_HEX -> headers.add(right.substring(0, 7 + n) + "g" + right.substring(8 + n));
				case WRONG_SECRET -> headers.add(wrong);
				case OTHER_BODY ->
					headers.add(MetaSignatures.sign(secret, HostileArbitraries.concat(body, new byte[n])));
				case TWO_WRONG -> headers.addAll(List.of(wrong, "sha1=" + hex));
				case RIGHT_THEN_WRONG -> headers.addAll(List.of(right, wrong));
				case WRONG_THEN_RIGHT -> headers.addAll(List.of(wrong, right));
				case TWO_RIGHT -> headers.addAll(List.of(right, right));
				default -> throw new IllegalStateException(name());
			}
			return headers;
		}

	}

}
