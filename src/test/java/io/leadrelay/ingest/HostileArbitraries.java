package io.leadrelay.ingest;

import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.leadrelay.support.LeadgenPayloads;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.RandomDistribution;
import net.jqwik.api.Tuple;

/**
 * Generators and body builders for {@link HostileInputTests}: what a hostile or broken
 * sender could put on the wire.
 */
final class HostileArbitraries {

	private static final ObjectMapper JSON = new ObjectMapper();

	private static final AtomicLong LEADGEN_IDS = new AtomicLong(940_000_000_000_000L);

	private HostileArbitraries() {
	}

	/** A leadgen id no other case has used. */
	static String freshLeadgenId() {
		return String.valueOf(LEADGEN_IDS.incrementAndGet());
	}

	static List<String> freshLeadgenIds(int count) {
		return IntStream.range(0, count).mapToObj((i) -> freshLeadgenId()).toList();
	}

	/** Any bytes, 0 to 64 KiB, sizes spread evenly. */
	static Arbitrary<byte[]> randomBytes() {
		return Arbitraries.bytes()
			.array(byte[].class)
			.ofMaxSize(64 * 1024)
			.withSizeDistribution(RandomDistribution.uniform());
	}

	/** A valid notification of 1 to 5 fresh leads cut short at a random point. */
	static Arbitrary<byte[]> truncatedNotifications() {
		return Arbitraries.integers()
			.between(1, 5)
			.map((n) -> LeadgenPayloads.notification(freshLeadgenIds(n)))
			.flatMap((
					full) -> Arbitraries.integers().between(0, full.length - 1).map((cut) -> Arrays.copyOf(full, cut)));
	}

	/** Depths spread over 1..100000, with extra weight around Jackson's limit of 1000. */
	static Arbitrary<Integer> nestingDepths() {
		return Arbitraries.frequencyOf(Tuple.of(3, Arbitraries.integers().between(1, 100_000)),
				Tuple.of(1, Arbitraries.integers().between(990, 1010)),
				Tuple.of(1, Arbitraries.integers().between(1, 64)));
	}

	/** {@code depth} nested arrays or single-key objects around {@code 0}. */
	static String nested(int depth, boolean objects) {
		StringBuilder json = new StringBuilder(depth * 6 + 1);
		json.append((objects ? "{\"a\":" : "[").repeat(depth)).append('0').append((objects ? "}" : "]").repeat(depth));
		return json.toString();
	}

	/** Any JSON value: scalars, arrays and objects whose keys are often Meta's own. */
	static Arbitrary<String> jsonValues() {
		return Arbitraries.recursive(HostileArbitraries::jsonScalars,
				(inner) -> Arbitraries.oneOf(inner, jsonArrays(inner), jsonObjects(inner)), 0, 4);
	}

	private static Arbitrary<String> jsonScalars() {
		return Arbitraries.oneOf(Arbitraries.strings().ofMaxLength(12).map(HostileArbitraries::quote),
				Arbitraries.of("page", "leadgen", "feed", "", "100200300400500").map(HostileArbitraries::quote),
				Arbitraries.longs().map(String::valueOf), Arbitraries.doubles().map(String::valueOf),
				Arbitraries.bigIntegers().between(BigInteger.ZERO, BigInteger.TEN.pow(40)).map(String::valueOf),
				Arbitraries.of("true", "false", "null"));
	}

	private static Arbitrary<String> jsonArrays(Arbitrary<String> inner) {
		return inner.list().ofMaxSize(4).map((items) -> "[" + String.join(",", items) + "]");
	}

	private static Arbitrary<String> jsonObjects(Arbitrary<String> inner) {
		Arbitrary<String> keys = Arbitraries.oneOf(Arbitraries.of("object", "entry", "id", "changes", "field", "value",
				"leadgen_id", "page_id", "form_id", "created_time"), Arbitraries.strings().ofMaxLength(8));
		return Arbitraries.maps(keys, inner).ofMaxSize(4).map(HostileArbitraries::object);
	}

	private static String object(Map<String, String> members) {
		return members.entrySet()
			.stream()
			.map((member) -> quote(member.getKey()) + ":" + member.getValue())
			.collect(Collectors.joining(",", "{", "}"));
	}

	/** Leadgen ids Meta never sends, as raw JSON tokens. */
	static Arbitrary<String> badLeadgenIds() {
		Arbitrary<String> tooLong = Arbitraries.strings()
			.numeric()
			.ofMinLength(33)
			.ofMaxLength(80)
			.map((digits) -> "1" + digits.substring(1));
		return Arbitraries.oneOf(
				Arbitraries.strings()
					.ofMaxLength(40)
					.filter((s) -> !s.matches("[0-9]{1,32}"))
					.map(HostileArbitraries::quote),
				tooLong, tooLong.map(HostileArbitraries::quote),
				Arbitraries.longs().lessOrEqual(-1).map(String::valueOf),
				Arbitraries.longs().lessOrEqual(-1).map((n) -> quote(String.valueOf(n))),
				Arbitraries.doubles().map(String::valueOf), Arbitraries.doubles().map((d) -> quote(String.valueOf(d))),
				Arbitraries.of("1e3", "1.0", "0.5", "\"1e3\"", "\" 123\"", "\"123 \"", "\"+123\"", "\"0x1F\"",
						"\"１２３\"", "\"١٢٣\"", "\"123\\u0000\"", "\"\"", "true", "[]", "{}", "[\"123\"]",
						"{\"id\":\"123\"}"));
	}

	/**
	 * A notification with one fresh lead whose leadgen id is the given raw JSON token.
	 */
	static byte[] notificationWithLeadgenIdToken(String token) {
		return ("{\"object\":\"page\",\"entry\":[{\"id\":\"" + LeadgenPayloads.PAGE_ID
				+ "\",\"changes\":[{\"field\":\"leadgen\",\"value\":{\"leadgen_id\":" + token + ",\"page_id\":\""
				+ LeadgenPayloads.PAGE_ID + "\",\"form_id\":\"" + LeadgenPayloads.FORM_ID + "\"}}]}]}")
			.getBytes(StandardCharsets.UTF_8);
	}

	static String quote(String text) {
		try {
			return JSON.writeValueAsString(text);
		}
		catch (JsonProcessingException ex) {
			throw new IllegalStateException(ex);
		}
	}

	static byte[] concat(byte[]... parts) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		for (byte[] part : parts) {
			out.writeBytes(part);
		}
		return out.toByteArray();
	}

	static byte[] ascii(String text) {
		return text.getBytes(StandardCharsets.UTF_8);
	}

	static String hmacHex(String algorithm, String secret, byte[] body) {
		try {
			Mac mac = Mac.getInstance(algorithm);
			mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), algorithm));
			return HexFormat.of().formatHex(mac.doFinal(body));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
