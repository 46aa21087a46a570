package io.leadrelay.bench;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.concurrent.atomic.AtomicLong;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Meta's leadgen webhook notifications as the benchmark sends them: one page and form, a
 * new leadgen id each, signed with the app secret the engine is started with.
 */
final class LeadgenNotifications {

	static final String SECRET = "bench-app-secret";

	static final String PAGE = "100200300400500";

	static final String FORM = "700000000000011";

	private static final AtomicLong NEXT_ID = new AtomicLong(960000000000000L);

	private LeadgenNotifications() {
	}

	/** A leadgen id not sent before in this run. */
	static long nextId() {
		return NEXT_ID.getAndIncrement();
	}

	static byte[] notification(String leadgenId) {
		return ("{\"object\":\"page\",\"entry\":[{\"id\":\"" + PAGE + "\",\"time\":1767225600,\"changes\":[{\"field\":"
				+ "\"leadgen\",\"value\":{\"leadgen_id\":\"" + leadgenId + "\",\"page_id\":\"" + PAGE
				+ "\",\"form_id\":\"" + FORM + "\",\"adgroup_id\":\"238000000000022\",\"ad_id\":\"238000000000023\","
				+ "\"created_time\":1767225590}}]}]}")
			.getBytes(StandardCharsets.UTF_8);
	}

	/** The {@code X-Hub-Signature-256} header Meta would send with {@code body}. */
	static String sign(byte[] body) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
			return "sha256=" + HexFormat.of().formatHex(mac.doFinal(body));
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

}
