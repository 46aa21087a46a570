package io.leadrelay.graph;

import java.util.List;

/**
 * A page the person who signed in with Facebook may manage, as {@code me/accounts} lists
 * it, with the page token their long-lived user token was worth.
 *
 * @param pageId the page's id
 * @param name the page's name
 * @param accessToken the page token (kept on the server only)
 * @param tasks what the person may do on the page, such as {@code MANAGE} or
 * {@code ADVERTISE}
 */
public record ManagedPage(String pageId, String name, String accessToken, List<String> tasks) {

	public ManagedPage {
		tasks = List.copyOf(tasks);
	}

	@Override
	public String toString() {
		return "ManagedPage[pageId=" + this.pageId + ", name=" + this.name + ", tasks=" + this.tasks + "]";
	}

}
