package io.leadrelay.web;

import jakarta.servlet.http.HttpServletRequest;

/**
 * Every page's address works both ways (the spring-petclinic-htmx pattern): opened in the
 * browser it renders the whole page, layout and all; asked by htmx (a filter changed, a
 * widget refreshed) it renders only the page's {@code <main>}, which htmx swaps in.
 */
public final class Fragments {

	private Fragments() {
	}

	/**
	 * The view to render for this request: {@code view} itself, or its {@code <main>}
	 * when htmx asks for it. A boosted link (a whole-page navigation that htmx speeds up)
	 * gets the whole page.
	 */
	public static String view(HttpServletRequest request, String view) {
		boolean htmx = "true".equals(request.getHeader("HX-Request"));
		boolean boosted = "true".equals(request.getHeader("HX-Boosted"));
		return (htmx && !boosted) ? view + " :: main" : view;
	}

}
