package io.leadrelay.alert;

import java.util.List;

/**
 * A new-lead notification: a short message per new lead to a channel.
 *
 * @param id its id
 * @param channelId the channel it goes to
 * @param channelName that channel's name
 * @param formId the form whose leads it announces, {@code null} for every form
 * @param fields the answers the message carries (answer keys), nothing else of the lead
 * @param enabled whether it is sent
 */
public record LeadNotificationView(long id, long channelId, String channelName, String formId, List<String> fields,
		boolean enabled) {

}
