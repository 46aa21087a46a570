package io.leadrelay.meta;

import java.util.regex.Pattern;

/**
 * What Meta's object ids look like: a Facebook page id, like every Graph API id, is a
 * number of 1 to 32 digits.
 */
public final class FacebookIds {

	/** The rule, as error messages state it. */
	public static final String PAGE_ID_RULE = "a numeric Facebook page id of 1 to 32 digits";

	private static final Pattern NUMERIC_ID = Pattern.compile("[0-9]{1,32}");

	private FacebookIds() {
	}

	public static boolean isPageId(String value) {
		return value != null && NUMERIC_ID.matcher(value).matches();
	}

}
