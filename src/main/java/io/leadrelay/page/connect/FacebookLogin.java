package io.leadrelay.page.connect;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import io.leadrelay.graph.GraphClient;
import io.leadrelay.graph.GraphProperties;
import io.leadrelay.graph.GraphResult;
import io.leadrelay.graph.ManagedPage;
import io.leadrelay.meta.MetaProperties;

import org.springframework.stereotype.Service;

/**
 * Facebook Login for pages: opens the dialog with a {@link OAuthStates state} of the
 * person's session, and turns the dialog's answer into the pages the person manages, each
 * with a page token that does not expire (from a long-lived user token).
 */
@Service
public class FacebookLogin {

	private final FacebookLoginProperties properties;

	private final GraphProperties graphProperties;

	private final MetaProperties meta;

	private final GraphClient graph;

	private final OAuthStates states;

	FacebookLogin(FacebookLoginProperties properties, GraphProperties graphProperties, MetaProperties meta,
			GraphClient graph, Clock clock) {
		this.properties = properties;
		this.graphProperties = graphProperties;
		this.meta = meta;
		this.graph = graph;
		this.states = new OAuthStates(properties.stateTtl(), clock);
	}

	/** The settings Facebook Login still needs; none when it can be used. */
	public List<String> missingKeys() {
		List<String> missing = new ArrayList<>();
		if (this.graphProperties.appId() == null) {
			missing.add("leadrelay.graph.app-id");
		}
		if (this.meta.appSecrets().isEmpty()) {
			missing.add("leadrelay.meta.app-secrets");
		}
		return missing;
	}

	public boolean configured() {
		return missingKeys().isEmpty();
	}

	/** Facebook's dialog, with a new state bound to the session. */
	public URI dialog(String redirectUri, String sessionId) {
		String base = this.properties.dialogBaseUrl().toString().replaceAll("/+$", "");
		Map<String, String> query = new LinkedHashMap<>();
		query.put("client_id", this.graphProperties.appId());
		query.put("redirect_uri", redirectUri);
		query.put("state", this.states.issue(sessionId));
		query.put("scope", String.join(",", this.properties.scopes()));
		query.put("response_type", "code");
		return URI.create(base + "/" + this.graphProperties.version() + "/dialog/oauth?"
				+ query.entrySet()
					.stream()
					.map((entry) -> entry.getKey() + "=" + URLEncoder.encode(entry.getValue(), StandardCharsets.UTF_8))
					.collect(Collectors.joining("&")));
	}

	/** Whether the dialog's answer belongs to this session; uses the state up. */
	public OAuthStates.Verdict accept(String state, String sessionId) {
		return this.states.consume(state, sessionId);
	}

	/**
	 * The pages the person manages, for the code of an accepted answer: the code is
	 * exchanged for a user token, that for a long-lived one, which lists the pages.
	 */
	public GraphResult<List<ManagedPage>> pages(String code, String redirectUri) {
		GraphResult<String> shortLived = this.graph.userToken(code, redirectUri);
		if (!(shortLived instanceof GraphResult.Success<String> user)) {
			return shortLived.castFailure();
		}
		GraphResult<String> longLived = this.graph.longLivedUserToken(user.value());
		if (!(longLived instanceof GraphResult.Success<String> lasting)) {
			return longLived.castFailure();
		}
		return this.graph.managedPages(lasting.value());
	}

}
