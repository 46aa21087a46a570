package io.leadrelay.mapping.web;

import io.leadrelay.mapping.InvalidMappingException;

/**
 * What is wrong with a mapping's YAML, in the words of the rule: its line, its key and
 * the message, without where the text came from.
 */
public record YamlProblem(int line, String key, String message) {

	static YamlProblem of(InvalidMappingException ex) {
		String message = ex.getMessage();
		String at = " (at " + ex.path() + ")";
		if (message.endsWith(at)) {
			message = message.substring(0, message.length() - at.length());
		}
		String lineMark = ", line " + ex.line() + ": ";
		int cut = (ex.line() > 0) ? message.indexOf(lineMark) : -1;
		if (cut >= 0) {
			message = message.substring(cut + lineMark.length());
		}
		else if (message.startsWith("the request body: ")) {
			message = message.substring("the request body: ".length());
		}
		return new YamlProblem(ex.line(), "$".equals(ex.path()) ? "" : ex.path(), message);
	}

	/** {@code line 5, fields.email.answr: unknown key 'answr'; ...}. */
	public String text() {
		String where = ((this.line > 0) ? "line " + this.line : "")
				+ ((this.line > 0 && !this.key.isEmpty()) ? ", " : "") + this.key;
		return where.isEmpty() ? this.message : where + ": " + this.message;
	}

}
