package io.leadrelay.graph;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.benmanes.caffeine.cache.Cache;

/**
 * The Graph API calls LeadRelay makes with a page's token: a lead with its form, ad, ad
 * set and campaign names; a form's leads for back-fill; and a token check. Form
 * definitions and names are cached, as they rarely change and every lead of a form needs
 * them.
 */
public class GraphClient {

	/** The most requests Meta takes in one batch. */
	public static final int MAX_BATCH = 50;

	private final GraphHttp http;

	private final String appId;

	private final Cache<String, FormDefinition> forms;

	private final Cache<String, String> names;

	private final FacebookLoginCalls login;

	GraphClient(GraphHttp http, String appId, Cache<String, FormDefinition> forms, Cache<String, String> names) {
		this.http = http;
		this.appId = appId;
		this.forms = forms;
		this.names = names;
		this.login = new FacebookLoginCalls(http, appId);
	}

	/**
	 * Facebook Login: the short-lived user token the dialog's {@code code} is worth
	 * ({@code redirectUri} must be the one the dialog was opened with).
	 */
	public GraphResult<String> userToken(String code, String redirectUri) {
		return this.login.userToken(code, redirectUri);
	}

	/** A long-lived user token for a short-lived one; its page tokens do not expire. */
	public GraphResult<String> longLivedUserToken(String userToken) {
		return this.login.longLivedUserToken(userToken);
	}

	/** The pages the token's person manages, each with its page token (every page). */
	public GraphResult<List<ManagedPage>> managedPages(String userToken) {
		return this.login.managedPages(userToken);
	}

	/**
	 * Installs this app on the page for its {@code leadgen} field, so Meta sends the
	 * page's leads to the webhook.
	 */
	public GraphResult<Boolean> installApp(String pageId, String pageToken) {
		return this.login.subscribedApps("POST", pageId, pageToken);
	}

	/** Removes this app from the page: Meta stops sending the page's leads. */
	public GraphResult<Boolean> uninstallApp(String pageId, String pageToken) {
		return this.login.subscribedApps("DELETE", pageId, pageToken);
	}

	/** The lead with its answers, and the names of its form, ad, ad set and campaign. */
	public GraphResult<GraphLead> fetchLead(String leadgenId, String accessToken) {
		GraphResult<JsonNode> answer = this.http.get(leadgenId, Map.of("fields", GraphLeadReader.FIELDS), accessToken);
		if (!(answer instanceof GraphResult.Success<JsonNode> success)) {
			return answer.castFailure();
		}
		return lead(success.value(), accessToken);
	}

	/**
	 * The leads of one page, read together: up to {@link #MAX_BATCH} in one Graph API
	 * batch request, one plain read for a single lead. Each lead's result is its own (one
	 * deleted lead fails alone); a failure of the whole call is every lead's.
	 * @return a result per lead, in the order asked
	 */
	public List<GraphResult<GraphLead>> fetchLeads(List<String> leadgenIds, String accessToken) {
		if (leadgenIds.size() > MAX_BATCH) {
			throw new IllegalArgumentException("A Graph API batch holds at most " + MAX_BATCH + " requests");
		}
		if (leadgenIds.size() <= 1) {
			return leadgenIds.stream().map((id) -> fetchLead(id, accessToken)).toList();
		}
		GraphResult<JsonNode> answer = this.http.batch(GraphBatch.request(leadgenIds), accessToken);
		if (!(answer instanceof GraphResult.Success<JsonNode> success)) {
			return Collections.nCopies(leadgenIds.size(), answer.castFailure());
		}
		JsonNode items = success.value();
		if (!items.isArray() || items.size() != leadgenIds.size()) {
			return Collections.nCopies(leadgenIds.size(),
					new GraphResult.Transient<>("Graph API answered a batch with something other than its items"));
		}
		List<GraphResult<GraphLead>> results = new ArrayList<>(leadgenIds.size());
		for (int i = 0; i < leadgenIds.size(); i++) {
			GraphResult<JsonNode> read = GraphBatch.item(items.get(i), leadgenIds.get(i), this.http);
			results.add((read instanceof GraphResult.Success<JsonNode> lead) ? lead(lead.value(), accessToken)
					: read.castFailure());
		}
		return results;
	}

	private GraphResult<GraphLead> lead(JsonNode lead, String accessToken) {
		String formId = GraphLeadReader.text(lead, "form_id");
		String formName = null;
		if (formId != null && fetchForm(formId, accessToken) instanceof GraphResult.Success<FormDefinition> form) {
			formName = form.value().name();
		}
		GraphLead read = GraphLeadReader.read(lead, formName);
		return new GraphResult.Success<>(new GraphLead(read.leadgenId(), read.createdTime(), read.answers(),
				read.formId(), read.formName(), read.adId(), nameOf(read.adId(), read.adName(), accessToken),
				read.adsetId(), nameOf(read.adsetId(), read.adsetName(), accessToken), read.campaignId(),
				nameOf(read.campaignId(), read.campaignName(), accessToken), read.platform(), read.organic(),
				read.consents()));
	}

	/** The form's name and questions (cached). */
	GraphResult<FormDefinition> fetchForm(String formId, String accessToken) {
		FormDefinition cached = this.forms.getIfPresent(formId);
		if (cached != null) {
			return new GraphResult.Success<>(cached);
		}
		GraphResult<JsonNode> answer = this.http.get(formId, Map.of("fields", "id,name,questions"), accessToken);
		if (!(answer instanceof GraphResult.Success<JsonNode> success)) {
			return answer.castFailure();
		}
		List<FormDefinition.Question> questions = new ArrayList<>();
		success.value()
			.path("questions")
			.forEach((question) -> questions.add(new FormDefinition.Question(question.path("key").asText(),
					question.path("label").asText(null), question.path("type").asText(null))));
		FormDefinition form = new FormDefinition(formId, success.value().path("name").asText(null),
				List.copyOf(questions));
		this.forms.put(formId, form);
		return new GraphResult.Success<>(form);
	}

	/**
	 * What Meta says of a token. Asked with the app token when the app id is configured,
	 * otherwise with the token itself.
	 */
	public GraphResult<TokenInfo> debugToken(String accessToken) {
		String asker = (this.appId != null && this.http.appSecret() != null) ? this.appId + "|" + this.http.appSecret()
				: accessToken;
		GraphResult<JsonNode> answer = this.http.get("debug_token", Map.of("input_token", accessToken), asker);
		if (!(answer instanceof GraphResult.Success<JsonNode> success)) {
			return answer.castFailure();
		}
		JsonNode data = success.value().path("data");
		long expires = data.path("expires_at").asLong(0);
		List<String> scopes = new ArrayList<>();
		data.path("scopes").forEach((scope) -> scopes.add(scope.asText()));
		return new GraphResult.Success<>(new TokenInfo(data.path("is_valid").asBoolean(false),
				(expires > 0) ? Instant.ofEpochSecond(expires) : null, List.copyOf(scopes),
				data.path("error").path("message").asText(null)));
	}

	/**
	 * One page of the form's leads created in the window from {@code from} (included) to
	 * {@code until} (excluded), both to the second, from {@code afterCursor}.
	 */
	public GraphResult<LeadsPage> formLeads(String formId, String accessToken, Instant from, Instant until,
			String afterCursor) {
		Map<String, String> parameters = new LinkedHashMap<>();
		parameters.put("fields", GraphLeadReader.FIELDS);
		parameters.put("limit", "100");
		parameters.put("filtering",
				"[" + timeCreated("GREATER_THAN_OR_EQUAL", from) + "," + timeCreated("LESS_THAN", until) + "]");
		if (afterCursor != null) {
			parameters.put("after", afterCursor);
		}
		GraphResult<JsonNode> answer = this.http.get(formId + "/leads", parameters, accessToken);
		if (!(answer instanceof GraphResult.Success<JsonNode> success)) {
			return answer.castFailure();
		}
		List<GraphLead> leads = new ArrayList<>();
		success.value().path("data").forEach((lead) -> leads.add(GraphLeadReader.read(lead, null)));
		JsonNode paging = success.value().path("paging");
		String next = paging.hasNonNull("next") ? paging.path("cursors").path("after").asText(null) : null;
		return new GraphResult.Success<>(new LeadsPage(List.copyOf(leads), next));
	}

	private static String timeCreated(String operator, Instant time) {
		return "{\"field\":\"time_created\",\"operator\":\"" + operator + "\",\"value\":" + time.getEpochSecond() + "}";
	}

	/** The ids of the page's active lead forms. */
	public GraphResult<List<String>> activeForms(String pageId, String accessToken) {
		List<String> forms = new ArrayList<>();
		String after = null;
		do {
			Map<String, String> parameters = new LinkedHashMap<>(Map.of("fields", "id,status", "limit", "100"));
			if (after != null) {
				parameters.put("after", after);
			}
			GraphResult<JsonNode> answer = this.http.get(pageId + "/leadgen_forms", parameters, accessToken);
			if (!(answer instanceof GraphResult.Success<JsonNode> success)) {
				return answer.castFailure();
			}
			success.value().path("data").forEach((form) -> {
				if ("ACTIVE".equals(form.path("status").asText("ACTIVE"))) {
					forms.add(form.path("id").asText());
				}
			});
			JsonNode paging = success.value().path("paging");
			after = paging.hasNonNull("next") ? paging.path("cursors").path("after").asText(null) : null;
		}
		while (after != null);
		return new GraphResult.Success<>(List.copyOf(forms));
	}

	/**
	 * Every lead form of the page with its questions, following the pages Meta gives
	 * ({@code paging.cursors.after} while {@code paging.next} is set).
	 */
	public GraphResult<List<GraphForm>> leadForms(String pageId, String accessToken) {
		List<GraphForm> forms = new ArrayList<>();
		String after = null;
		do {
			Map<String, String> parameters = new LinkedHashMap<>();
			parameters.put("fields", "id,name,status,locale,questions");
			parameters.put("limit", "100");
			if (after != null) {
				parameters.put("after", after);
			}
			GraphResult<JsonNode> answer = this.http.get(pageId + "/leadgen_forms", parameters, accessToken);
			if (!(answer instanceof GraphResult.Success<JsonNode> success)) {
				return answer.castFailure();
			}
			success.value().path("data").forEach((form) -> forms.add(leadForm(form)));
			JsonNode paging = success.value().path("paging");
			after = paging.hasNonNull("next") ? paging.path("cursors").path("after").asText(null) : null;
		}
		while (after != null);
		return new GraphResult.Success<>(List.copyOf(forms));
	}

	private static GraphForm leadForm(JsonNode form) {
		List<GraphForm.Question> questions = new ArrayList<>();
		form.path("questions")
			.forEach((question) -> questions.add(new GraphForm.Question(question.path("key").asText(),
					question.path("label").asText(null), question.path("type").asText(null))));
		return new GraphForm(form.path("id").asText(), form.path("name").asText(null), form.path("status").asText(null),
				form.path("locale").asText(null), questions);
	}

	private String nameOf(String id, String given, String accessToken) {
		if (id == null || given != null) {
			return given;
		}
		Function<String, String> fetch = (key) -> (this.http.get(key, Map.of("fields", "name"),
				accessToken) instanceof GraphResult.Success<JsonNode> success)
						? success.value().path("name").asText(null) : null;
		return this.names.get(id, fetch);
	}

}
