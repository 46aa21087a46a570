package io.leadrelay.testlead.web;

import io.leadrelay.testlead.TestLeadResult;

/**
 * What became of a test lead, in a marketer's words.
 */
final class TestLeadWords {

	private TestLeadWords() {
	}

	static String of(TestLeadResult result) {
		if (!result.mappingErrors().isEmpty()) {
			return "Not sent: the mapping could not fill in every field. Fix the mapping and send again.";
		}
		if (result.outcome() == null) {
			return "Not sent yet: the destination is paused or its CRM is failing. It will be sent when it can;"
					+ " the lead's page shows when.";
		}
		return switch (result.outcome()) {
			case "delivered" -> "Reached the CRM.";
			case "rejected" ->
				"The CRM refused it. Its answer is below: fix the mapping or the CRM's field, then" + " send again.";
			case "credentials_rejected" ->
				"The CRM refused the destination's credentials: replace them, then send" + " again.";
			case "throttled" -> "The CRM asked to slow down; it will be sent again in a moment.";
			default -> "The CRM did not answer well; it will be tried again later. The lead's page shows each try.";
		};
	}

}
