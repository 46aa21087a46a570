package io.leadrelay.page;

import java.time.Instant;

/**
 * A page as the API shows it: never its token.
 *
 * @param pageId the Facebook page id
 * @param name a name for people
 * @param tokenStatus the result of the last token check
 * @param tokenMessage what the last check said, when it found a problem
 * @param tokenExpiresAt when the token expires, when it does
 * @param tokenCheckedAt when the token was last checked
 * @param createdAt when the page was added
 * @param updatedAt when the page was last changed
 */
public record PageView(String pageId, String name, String tokenStatus, String tokenMessage, Instant tokenExpiresAt,
		Instant tokenCheckedAt, Instant createdAt, Instant updatedAt) {

}
