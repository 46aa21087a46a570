package io.leadrelay.ingest;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Stream;

import io.leadrelay.support.MetaSignatures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;

class SignatureVerifierTests {

	private static final String SECRET = "app-secret-current";

	private static final String OLD_SECRET = "app-secret-previous";

	/** Meta's escaped-unicode form: the bytes on the wire are ASCII. */
	private static final byte[] BODY = "{\"object\":\"page\",\"entry\":[{\"note\":\"J\\u00f6rg \\u00e4\\u00f6\\u00e5\"}]}"
		.getBytes(StandardCharsets.US_ASCII);

	private final SignatureVerifier verifier = new SignatureVerifier(List.of(SECRET, OLD_SECRET));

	static Stream<Arguments> signatures() {
		String valid = MetaSignatures.sign(SECRET, BODY);
		String hex = valid.substring("sha256=".length());
		byte[] altered = BODY.clone();
		altered[altered.length - 3] ^= 1;
		return Stream.of(Arguments.of("missing header", BODY, null, RejectionReason.MISSING_SIGNATURE),
				Arguments.of("blank header", BODY, "  ", RejectionReason.MISSING_SIGNATURE),
				Arguments.of("sha1 prefix", BODY, "sha1=" + hex, RejectionReason.MALFORMED_SIGNATURE),
				Arguments.of("no prefix", BODY, hex, RejectionReason.MALFORMED_SIGNATURE),
				Arguments.of("bad hex", BODY, "sha256=" + "zz" + hex.substring(2), RejectionReason.MALFORMED_SIGNATURE),
				Arguments.of("short hex", BODY, "sha256=" + hex.substring(2), RejectionReason.MALFORMED_SIGNATURE),
				Arguments.of("wrong secret", BODY, MetaSignatures.sign("someone-else", BODY),
						RejectionReason.SIGNATURE_MISMATCH),
				Arguments.of("body altered by one byte", altered, valid, RejectionReason.SIGNATURE_MISMATCH),
				Arguments.of("signature over the decoded characters", BODY,
						MetaSignatures.sign(SECRET,
								"{\"object\":\"page\",\"entry\":[{\"note\":\"Jörg äöå\"}]}"
									.getBytes(StandardCharsets.UTF_8)),
						RejectionReason.SIGNATURE_MISMATCH),
				Arguments.of("current secret", BODY, valid, null),
				Arguments.of("upper-case hex", BODY, "sha256=" + hex.toUpperCase(), null),
				Arguments.of("previous secret during a rotation", BODY, MetaSignatures.sign(OLD_SECRET, BODY), null),
				Arguments.of("empty body, signed", new byte[0], MetaSignatures.sign(SECRET, new byte[0]), null));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("signatures")
	void verifiesSignatureOverRawBytes(String description, byte[] body, String header, RejectionReason expected) {
		assertThat(this.verifier.verify(body, header)).isEqualTo(expected);
	}

	@Test
	void refusesEverythingWhenNoSecretIsConfigured() {
		SignatureVerifier unconfigured = new SignatureVerifier(List.of());
		assertThat(unconfigured.verify(BODY, MetaSignatures.sign(SECRET, BODY)))
			.isEqualTo(RejectionReason.NO_APP_SECRET_CONFIGURED);
	}

}
