package io.leadrelay.graph;

/**
 * Graph API bodies as Meta writes them (protocols.md, section 2).
 */
final class GraphFixtures {

	static final String FORM = """
			{"id":"700000000000011","name":"Solar quote form","status":"ACTIVE","locale":"en_GB",
			 "questions":[{"id":"1","key":"email","label":"Email","type":"EMAIL"},
			   {"id":"2","key":"which_products","label":"Which products?","type":"CUSTOM"}]}""";

	private GraphFixtures() {
	}

	/** A paid Instagram lead whose ad set name is missing (to be fetched separately). */
	static String lead(String leadgenId) {
		return """
				{"id":"%s","created_time":"2026-01-01T00:00:00+0000","form_id":"700000000000011",
				 "ad_id":"238000000000022","ad_name":"Spring promo A",
				 "adset_id":"238000000000033",
				 "campaign_id":"238000000000044","campaign_name":"Spring 2026",
				 "is_organic":false,"platform":"ig",
				 "field_data":[{"name":"full_name","values":["Ana Müller"]},{"name":"email","values":["ana@example.com"]},
				   {"name":"phone_number","values":["+447700900123"]},{"name":"which_products","values":["solar","battery"]}],
				 "custom_disclaimer_responses":[{"checkbox_key":"marketing_optin","is_checked":"1"}]}"""
			.formatted(leadgenId);
	}

}
