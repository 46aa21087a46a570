package io.leadrelay.mapping.web;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * "Replace values" as the editor shows it: one {@code answer=value to send} per line.
 */
final class ValueMapText {

	private ValueMapText() {
	}

	static Map<String, String> parse(String text) {
		Map<String, String> map = new LinkedHashMap<>();
		if (text == null) {
			return map;
		}
		for (String line : text.split("\\R")) {
			int equals = line.indexOf('=');
			if (line.isBlank()) {
				continue;
			}
			String key = (equals < 0) ? line.trim() : line.substring(0, equals).trim();
			map.put(key, (equals < 0) ? "" : line.substring(equals + 1).trim());
		}
		return map;
	}

	static String format(Map<String, String> map) {
		if (map == null) {
			return "";
		}
		return map.entrySet().stream().map((e) -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining("\n"));
	}

}
