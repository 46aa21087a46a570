package io.leadrelay.form;

import java.time.Instant;
import java.util.List;

/**
 * A page's forms as the forms page shows them.
 *
 * @param pageId the page
 * @param pageName its name
 * @param forms its kept forms, by name
 * @param readAt when Meta was last asked for them; {@code null} when never
 * @param problem why the last read on view failed, {@code null} when it did not fail
 */
public record PageForms(String pageId, String pageName, List<LeadForm> forms, Instant readAt, String problem) {

	public PageForms {
		forms = List.copyOf(forms);
	}

}
