package io.leadrelay.privacy.web;

import io.leadrelay.privacy.ErasureResult;
import io.leadrelay.privacy.PersonKey;

/**
 * What the API and the pages say about a search and an erasure, in the marketer's words.
 */
final class ErasureMessages {

	private ErasureMessages() {
	}

	static String noLead(PersonKey key, boolean suppressed) {
		return "No stored lead matches this " + key.kind().words() + ": LeadRelay holds no lead about them"
				+ (suppressed ? ". They were erased before: LeadRelay keeps only a keyed hash of what they are "
						+ "known by, so that it never stores them again" : "");
	}

	static String summary(ErasureResult result) {
		if (result.leads() == 0) {
			return "No stored lead matched, so there was nothing to remove. LeadRelay will not store a lead "
					+ "of theirs that arrives later.";
		}
		String leads = count(result.leads(), "lead");
		String again = (result.alreadyErased() == result.leads()) ? " (already erased before: nothing new to remove)"
				: "";
		return "Removed the personal data of " + leads + again + " and of " + count(result.deliveries(), "delivery")
				+ "; ids, times and statuses stay, so the counts stay right. LeadRelay will not store a lead of "
				+ "theirs again." + crm(result);
	}

	private static String crm(ErasureResult result) {
		int left = result.leftToOperator().size();
		if (result.crm().isEmpty()) {
			return "";
		}
		return (left == 0) ? " Every CRM record was deleted."
				: " " + count(left, "CRM record") + " must still be deleted by hand.";
	}

	static String count(int n, String noun) {
		String plural = noun.endsWith("y") ? noun.substring(0, noun.length() - 1) + "ies" : noun + "s";
		return n + " " + ((n == 1) ? noun : plural);
	}

}
