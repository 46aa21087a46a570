package io.leadrelay.graph;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A lead as the Graph API describes it.
 *
 * @param leadgenId the lead's id
 * @param createdTime when the person submitted the form
 * @param answers the form answers by question key, in the form's order; a multiple-choice
 * question may have several values
 * @param formId the lead form
 * @param formName the form's name, when it could be read
 * @param adId the ad, absent for organic and test leads
 * @param adName the ad's name, when known
 * @param adsetId the ad set
 * @param adsetName the ad set's name, when known
 * @param campaignId the campaign
 * @param campaignName the campaign's name, when known
 * @param platform where the form was filled in as Meta names it ({@code fb}, {@code ig})
 * @param organic whether the lead came without an ad
 * @param consents the optional consent checkboxes: key and whether it was ticked
 */
public record GraphLead(String leadgenId, Instant createdTime, Map<String, List<String>> answers, String formId,
		String formName, String adId, String adName, String adsetId, String adsetName, String campaignId,
		String campaignName, String platform, boolean organic, Map<String, Boolean> consents) {

	@Override
	public String toString() {
		return "GraphLead[leadgenId=" + this.leadgenId + ", formId=" + this.formId + ", answers="
				+ this.answers.keySet() + "]";
	}

}
