package io.leadrelay.page;

/**
 * A page with this id is registered already.
 */
public class PageAlreadyExistsException extends RuntimeException {

	public PageAlreadyExistsException(String pageId) {
		super("Page " + pageId + " is registered already; change it with PUT /api/v1/pages/" + pageId);
	}

}
