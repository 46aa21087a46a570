package io.leadrelay.page;

/**
 * No page with this id is registered.
 */
public class PageNotFoundException extends RuntimeException {

	public PageNotFoundException(String pageId) {
		super("No page " + pageId + " is registered");
	}

}
