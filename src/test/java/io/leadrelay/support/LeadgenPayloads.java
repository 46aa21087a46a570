package io.leadrelay.support;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Meta leadgen notification bodies, written the way Meta writes them (ids as strings,
 * compact JSON).
 */
public final class LeadgenPayloads {

	public static final String PAGE_ID = "100200300400500";

	public static final String FORM_ID = "700000000000011";

	private LeadgenPayloads() {
	}

	/** One entry of the page with one leadgen change per id. */
	public static byte[] notification(List<String> leadgenIds) {
		String changes = leadgenIds.stream().map(LeadgenPayloads::change).collect(Collectors.joining(","));
		return ("{\"object\":\"page\",\"entry\":[{\"id\":\"" + PAGE_ID + "\",\"time\":1767225600,\"changes\":["
				+ changes + "]}]}")
			.getBytes(StandardCharsets.UTF_8);
	}

	public static byte[] notification(String leadgenId) {
		return notification(List.of(leadgenId));
	}

	public static String change(String leadgenId) {
		return "{\"field\":\"leadgen\",\"value\":{\"leadgen_id\":\"" + leadgenId + "\",\"page_id\":\"" + PAGE_ID
				+ "\",\"form_id\":\"" + FORM_ID
				+ "\",\"adgroup_id\":\"238000000000022\",\"ad_id\":\"238000000000023\",\"created_time\":1767225590}}";
	}

}
