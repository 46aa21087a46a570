package io.leadrelay.form;

/**
 * Meta did not list a page's forms; the forms kept from the last read stay as they were.
 * The message says why, in Meta's words where Meta gave some.
 */
public class FormRefreshException extends RuntimeException {

	public FormRefreshException(String message) {
		super(message);
	}

}
