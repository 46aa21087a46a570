package io.leadrelay.audit;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The details of an audit entry as an ordered map, so that the stored JSON object lists
 * its members in the order given here. Entries whose value is {@code null} are left out,
 * so that an optional fact (an HTTP status there was none of) needs no condition at the
 * call site.
 */
public final class AuditDetails {

	private AuditDetails() {
	}

	public static Map<String, Object> of(String key, Object value) {
		return ordered(key, value);
	}

	public static Map<String, Object> of(String key1, Object value1, String key2, Object value2) {
		return ordered(key1, value1, key2, value2);
	}

	public static Map<String, Object> of(String key1, Object value1, String key2, Object value2, String key3,
			Object value3) {
		return ordered(key1, value1, key2, value2, key3, value3);
	}

	public static Map<String, Object> of(String key1, Object value1, String key2, Object value2, String key3,
			Object value3, String key4, Object value4) {
		return ordered(key1, value1, key2, value2, key3, value3, key4, value4);
	}

	static Map<String, Object> withoutNulls(Map<String, ?> details) {
		Map<String, Object> copy = new LinkedHashMap<>();
		if (details != null) {
			details.forEach((key, value) -> {
				if (value != null) {
					copy.put(key, value);
				}
			});
		}
		return Collections.unmodifiableMap(copy);
	}

	private static Map<String, Object> ordered(Object... keysAndValues) {
		Map<String, Object> details = new LinkedHashMap<>();
		for (int i = 0; i < keysAndValues.length; i += 2) {
			details.put((String) keysAndValues[i], keysAndValues[i + 1]);
		}
		return withoutNulls(details);
	}

}
