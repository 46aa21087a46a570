package io.leadrelay.meta;

import java.util.regex.Pattern;

/**
 * The shape of the ids Meta gives its objects (pages, lead forms, leads, ads, apps): a
 * number of 1 to 32 digits, which Meta sends as a string or as a bare number. Meta
 * documents no length; 32 digits leave room and fit the {@code VARCHAR(32)} columns that
 * keep them.
 */
public final class FacebookIds {

	/** The page id rule, as error messages state it. */
	public static final String PAGE_ID_RULE = "a numeric Facebook page id of 1 to 32 digits";

	private static final Pattern NUMERIC_ID = Pattern.compile("[0-9]{1,32}");

	private FacebookIds() {
	}

	/**
	 * Whether {@code value} is shaped like the id of a Facebook object.
	 * @param value the id as text, may be {@code null}
	 * @return {@code true} for 1 to 32 digits
	 */
	public static boolean isId(String value) {
		return value != null && NUMERIC_ID.matcher(value).matches();
	}

	/**
	 * Whether {@code value} is shaped like the id of a Facebook page; a page id follows
	 * the rule of every Facebook id.
	 * @param value the page id as text, may be {@code null}
	 * @return {@code true} for 1 to 32 digits
	 */
	public static boolean isPageId(String value) {
		return isId(value);
	}

}
