package io.leadrelay.pipeline.web;

import java.util.Locale;
import java.util.Map;

import org.springframework.stereotype.Component;

/**
 * Meta's platform codes ({@code fb}, {@code ig}, as the Graph API returns them and the
 * {@code lead} table keeps them) in the words people use, for the pages as
 * {@code ${@platformNames.name(code)}} and for the {@code platform} filter.
 */
@Component("platformNames")
public class PlatformNames {

	private static final Map<String, String> NAMES = Map.of("fb", "Facebook", "ig", "Instagram");

	private static final Map<String, String> CODES = Map.of("facebook", "fb", "fb", "fb", "instagram", "ig", "ig",
			"ig");

	/** The platform's name, or the code as Meta sent it when it is another one. */
	public String name(String code) {
		return (code != null) ? NAMES.getOrDefault(code, code) : "—";
	}

	/**
	 * Meta's code for a platform named in a filter ({@code facebook} or {@code fb}), if
	 * known.
	 */
	static String code(String filter) {
		return CODES.get(filter.trim().toLowerCase(Locale.ROOT));
	}

}
