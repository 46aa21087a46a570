package io.leadrelay.dashboard;

import java.util.Arrays;
import java.util.Optional;

/** What the leads per day are split by. */
public enum SplitBy {

	PAGE("page"), FORM("form");

	private final String code;

	SplitBy(String code) {
		this.code = code;
	}

	public String code() {
		return this.code;
	}

	public static Optional<SplitBy> fromCode(String code) {
		return Arrays.stream(values()).filter((by) -> by.code.equals(code)).findFirst();
	}

}
