package io.leadrelay.setup.journey;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.leadrelay.support.LeadgenPayloads;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;

/**
 * What the marketer journey's stand-ins answer: Meta (Facebook's login dialog and the
 * Graph API, on one WireMock with response templating) and HubSpot.
 */
public final class JourneyStubs {

	/** The Meta app's id, as {@code leadrelay.graph.app-id}. */
	public static final String APP_ID = "1234567890";

	/** The page token Meta hands out for the page, which every page call must carry. */
	public static final String PAGE_TOKEN = "EAAJ-journey-page-token";

	private JourneyStubs() {
	}

	/**
	 * Facebook's dialog sends the browser straight back with a code; the code becomes a
	 * short-lived user token, then a long-lived one, which lists one page; the page token
	 * is valid for good, the app subscribes to the page, and the page has one lead form.
	 */
	public static void meta(WireMockExtension meta) {
		meta.stubFor(get(urlPathEqualTo("/v26.0/dialog/oauth")).withQueryParam("client_id", equalTo(APP_ID))
			.willReturn(aResponse().withStatus(302)
				.withHeader("Location", "{{{request.query.redirect_uri}}}?code=c0de&state={{{request.query.state}}}")));
		meta.stubFor(get(urlPathEqualTo("/v26.0/oauth/access_token")).withQueryParam("code", equalTo("c0de"))
			.willReturn(okJson("{\"access_token\":\"EAAJ-short-user-token\",\"token_type\":\"bearer\","
					+ "\"expires_in\":5400}")));
		meta.stubFor(get(urlPathEqualTo("/v26.0/oauth/access_token"))
			.withQueryParam("grant_type", equalTo("fb_exchange_token"))
			.willReturn(okJson("{\"access_token\":\"EAAJ-long-user-token\",\"token_type\":\"bearer\","
					+ "\"expires_in\":5183944}")));
		meta.stubFor(get(urlPathEqualTo("/v26.0/me/accounts")).willReturn(okJson("""
				{"data":[{"id":"%s","name":"Acme Solar","access_token":"%s",
				  "tasks":["ADVERTISE","ANALYZE","CREATE_CONTENT","MESSAGING","MODERATE","MANAGE"]}],
				 "paging":{"cursors":{"before":"QVFIUa","after":"QVFIUb"}}}""".formatted(LeadgenPayloads.PAGE_ID,
				PAGE_TOKEN))));
		meta.stubFor(post(urlPathEqualTo("/v26.0/" + LeadgenPayloads.PAGE_ID + "/subscribed_apps"))
			.willReturn(okJson("{\"success\":true}")));
		meta.stubFor(get(urlPathEqualTo("/v26.0/debug_token")).willReturn(okJson("""
				{"data":{"app_id":"%s","type":"PAGE","is_valid":true,"expires_at":0,"profile_id":"%s",
				 "scopes":["pages_show_list","pages_manage_metadata","pages_read_engagement","pages_manage_ads",
				   "leads_retrieval","ads_management"]}}""".formatted(APP_ID, LeadgenPayloads.PAGE_ID))));
		meta.stubFor(get(urlPathEqualTo("/v26.0/" + LeadgenPayloads.PAGE_ID + "/leadgen_forms")).willReturn(okJson("""
				{"data":[{"id":"%s","name":"Solar quote","status":"ACTIVE","locale":"en_US","questions":[
				  {"key":"email","label":"Email","type":"EMAIL","id":"q1"},
				  {"key":"full_name","label":"Full name","type":"FULL_NAME","id":"q2"},
				  {"key":"phone_number","label":"Phone number","type":"PHONE","id":"q3"}]}],
				 "paging":{"cursors":{"before":"QVFIUc","after":"QVFIUd"}}}""".formatted(LeadgenPayloads.FORM_ID))));
	}

	/** The real lead, as the Graph API serves it once Meta notified its id. */
	public static void lead(WireMockExtension meta, String leadgenId, String email, String fullName) {
		meta.stubFor(get(urlPathEqualTo("/v26.0/" + leadgenId)).willReturn(okJson("""
				{"id":"%s","created_time":"2026-12-04T09:00:00+0000","form_id":"%s",
				 "ad_name":"Solar DE","campaign_name":"Winter 2026","platform":"fb","is_organic":false,
				 "field_data":[{"name":"full_name","values":["%s"]},{"name":"email","values":["%s"]},
				   {"name":"phone_number","values":["+4915123456789"]}]}""".formatted(leadgenId,
				LeadgenPayloads.FORM_ID, fullName, email))));
	}

	/**
	 * HubSpot's contact properties (email is the id property) and its batch upsert, which
	 * answers each call naming the first input's trace id and email, as HubSpot does.
	 */
	public static void hubSpot(WireMockExtension hubspot) {
		hubspot.stubFor(get(urlPathEqualTo("/crm/v3/properties/contacts")).willReturn(okJson("""
				{"results":[%s,%s,%s,%s]}""".formatted(property("email", "Email"), property("firstname", "First name"),
				property("lastname", "Last name"), property("phone", "Phone number")))));
		hubspot.stubFor(post("/crm/v3/objects/contacts/batch/upsert").willReturn(okJson("""
				{"status":"COMPLETE","results":[{"id":"512","new":true,
				  "objectWriteTraceId":"{{jsonPath request.body '$.inputs[0].objectWriteTraceId'}}",
				  "properties":{"email":"{{jsonPath request.body '$.inputs[0].id'}}"},
				  "createdAt":"2026-12-04T09:00:01Z","updatedAt":"2026-12-04T09:00:01Z","archived":false}],
				 "startedAt":"2026-12-04T09:00:01Z","completedAt":"2026-12-04T09:00:01Z"}""")));
	}

	private static String property(String name, String label) {
		return """
				{"name":"%s","label":"%s","type":"string","fieldType":"text","groupName":"contactinformation",
				 "hasUniqueValue":false,"hidden":false,"formField":true,"modificationMetadata":{"readOnlyValue":false,
				 "readOnlyDefinition":true,"archivable":false}}""".formatted(name, label);
	}

}
