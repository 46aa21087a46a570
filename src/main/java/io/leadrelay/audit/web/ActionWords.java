package io.leadrelay.audit.web;

import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * What each audit action means, in plain words, as the audit page shows it beside the
 * action's code. An action not listed here (a newer feature's) is shown as its code's
 * last part in words.
 */
final class ActionWords {

	static final Map<String, String> KNOWN = known();

	private ActionWords() {
	}

	static String of(String action) {
		String words = KNOWN.get(action);
		if (words != null) {
			return words;
		}
		String last = action.substring(action.lastIndexOf('.') + 1);
		return last.replace('_', ' ').toLowerCase(Locale.ROOT);
	}

	private static Map<String, String> known() {
		Map<String, String> words = new TreeMap<>();
		words.put("lead_event.received", "received the lead");
		words.put("lead_event.duplicate", "received the lead again (a duplicate, ignored)");
		words.put("lead.enriching", "started reading the lead's details");
		words.put("lead.mapped", "mapped the lead for its destinations");
		words.put("lead.filtered", "filtered the lead out (a mapping's rule)");
		words.put("lead.failed", "could not process the lead");
		words.put("lead.needs_token", "held the lead until its page has a token");
		words.put("lead.retry_scheduled", "will try the lead again later");
		words.put("lead.resumed", "took the held lead up again");
		words.put("delivery.pending", "queued a delivery to a destination");
		words.put("delivery.delivered", "delivered the lead to the destination");
		words.put("delivery.retrying", "will retry a failed delivery");
		words.put("delivery.dead", "gave up a delivery (dead letter)");
		words.put("delivery.replayed", "sent a dead letter again");
		words.put("page.created", "added the page");
		words.put("page.updated", "changed the page");
		words.put("page.deleted", "deleted the page");
		words.put("page.backfill", "fetched the page's missed leads");
		words.put("page.token_valid", "found the page's token valid");
		words.put("page.token_needs_token", "found the page needs a new token");
		words.put("page.token_missing_scopes", "found the page's token lacks permissions");
		words.put("page.token_check_failed", "could not check the page's token");
		words.put("page.token_unchecked", "has not checked the page's token yet");
		words.put("destination.created", "added the destination");
		words.put("destination.updated", "changed the destination");
		words.put("destination.deleted", "deleted the destination");
		words.put("destination.tested", "sent a test to the destination");
		words.put("destination.needs_credentials", "found the destination's credentials refused");
		words.put("mapping.created", "added the mapping");
		words.put("mapping.updated", "changed the mapping");
		words.put("mapping.rolled_back", "went back to an older version of the mapping");
		words.put("mapping.loaded", "loaded the mapping from its file");
		words.put("user.created", "added the user");
		words.put("user.role_changed", "changed the role");
		words.put("user.disabled", "stopped the user from signing in");
		words.put("user.enabled", "let the user sign in again");
		words.put("user.password_reset", "gave the user a new one-time password");
		words.put("user.password_changed", "changed their password");
		words.put("user.two_factor_enabled", "turned on two-factor sign-in");
		words.put("user.two_factor_disabled", "turned off two-factor sign-in");
		words.put("user.recovery_code_used", "signed in with a recovery code");
		words.put("person.erased", "erased a person's data on their request");
		words.put("lead.personal_data_removed", "removed the lead's personal data");
		words.put("lead.suppressed", "did not keep the lead: its person was erased");
		words.put("user.two_factor_code_refused", "entered a wrong two-factor code");
		words.put("user.sign_in_failed", "failed to sign in");
		words.put("user.locked_out", "locked the user name out for a while");
		words.put("address.locked_out", "locked the address out for a while");
		words.put("token.created", "created an API token");
		words.put("token.revoked", "revoked an API token");
		words.put("privacy.meta_data_deletion", "carried out a data deletion request sent by Facebook");
		words.put("retention.purged", "removed data past its retention window");
		return Map.copyOf(words);
	}

}
