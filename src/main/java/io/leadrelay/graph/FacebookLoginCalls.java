package io.leadrelay.graph;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The Graph API calls of Facebook Login and of installing the app on a page: what the
 * dialog's code is worth, the long-lived user token, the pages the person manages, and
 * the page's {@code subscribed_apps}.
 */
final class FacebookLoginCalls {

	private final GraphHttp http;

	private final String appId;

	FacebookLoginCalls(GraphHttp http, String appId) {
		this.http = http;
		this.appId = appId;
	}

	GraphResult<String> userToken(String code, String redirectUri) {
		if (this.appId == null || this.http.appSecret() == null) {
			return notConfigured();
		}
		Map<String, String> parameters = new LinkedHashMap<>();
		parameters.put("client_id", this.appId);
		parameters.put("redirect_uri", redirectUri);
		parameters.put("client_secret", this.http.appSecret());
		parameters.put("code", code);
		return token(this.http.getWithoutToken("oauth/access_token", parameters));
	}

	GraphResult<String> longLivedUserToken(String userToken) {
		if (this.appId == null || this.http.appSecret() == null) {
			return notConfigured();
		}
		Map<String, String> parameters = new LinkedHashMap<>();
		parameters.put("grant_type", "fb_exchange_token");
		parameters.put("client_id", this.appId);
		parameters.put("client_secret", this.http.appSecret());
		parameters.put("fb_exchange_token", userToken);
		return token(this.http.getWithoutToken("oauth/access_token", parameters));
	}

	GraphResult<List<ManagedPage>> managedPages(String userToken) {
		List<ManagedPage> pages = new ArrayList<>();
		String after = null;
		do {
			Map<String, String> parameters = new LinkedHashMap<>(
					Map.of("fields", "id,name,access_token,tasks", "limit", "100"));
			if (after != null) {
				parameters.put("after", after);
			}
			GraphResult<JsonNode> answer = this.http.get("me/accounts", parameters, userToken);
			if (!(answer instanceof GraphResult.Success<JsonNode> success)) {
				return answer.castFailure();
			}
			success.value().path("data").forEach((page) -> pages.add(page(page)));
			JsonNode paging = success.value().path("paging");
			after = paging.hasNonNull("next") ? paging.path("cursors").path("after").asText(null) : null;
		}
		while (after != null);
		return new GraphResult.Success<>(List.copyOf(pages));
	}

	GraphResult<Boolean> subscribedApps(String method, String pageId, String pageToken) {
		Map<String, String> parameters = "POST".equals(method) ? Map.of("subscribed_fields", "leadgen") : Map.of();
		GraphResult<JsonNode> answer = "POST".equals(method)
				? this.http.post(pageId + "/subscribed_apps", parameters, pageToken)
				: this.http.delete(pageId + "/subscribed_apps", parameters, pageToken);
		if (!(answer instanceof GraphResult.Success<JsonNode> success)) {
			return answer.castFailure();
		}
		// Meta's documentation shows both true and "true".
		JsonNode confirmed = success.value().path("success");
		if (confirmed.asBoolean(false) || "true".equals(confirmed.asText())) {
			return new GraphResult.Success<>(true);
		}
		return new GraphResult.Failed<>("Meta did not confirm the change of the page's apps: " + success.value(), 0);
	}

	private static ManagedPage page(JsonNode page) {
		List<String> tasks = new ArrayList<>();
		page.path("tasks").forEach((task) -> tasks.add(task.asText()));
		return new ManagedPage(page.path("id").asText(), page.path("name").asText(page.path("id").asText()),
				page.path("access_token").asText(null), tasks);
	}

	private static GraphResult<String> token(GraphResult<JsonNode> answer) {
		if (!(answer instanceof GraphResult.Success<JsonNode> success)) {
			return answer.castFailure();
		}
		String token = success.value().path("access_token").asText(null);
		return (token != null) ? new GraphResult.Success<>(token)
				: new GraphResult.Failed<>("Meta's answer held no access token", 0);
	}

	private static <T> GraphResult<T> notConfigured() {
		return new GraphResult.Failed<>(
				"Facebook Login needs leadrelay.graph.app-id and leadrelay.meta.app-secrets to be set", 0);
	}

}
