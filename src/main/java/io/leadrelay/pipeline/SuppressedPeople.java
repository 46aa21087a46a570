package io.leadrelay.pipeline;

import java.util.List;
import java.util.Map;

/**
 * Whether a lead belongs to a person whose data was erased on request, so that the
 * pipeline does not store it again (a Meta resend, or the catch-up read of a form). The
 * {@code privacy} module answers it; the pipeline knows nothing of how.
 */
public interface SuppressedPeople {

	/**
	 * Whether the lead is an erased person's, by its id or by what its answers say the
	 * person is known by (email, phone number).
	 * @param leadgenId the lead's id
	 * @param answers its answers, empty before they are fetched
	 */
	boolean suppressed(String leadgenId, Map<String, List<String>> answers);

	/**
	 * A check for one group of leads checked now, one after the other: what holds for all
	 * of them (whether anyone was erased at all) may be read once, so use it for that
	 * group only and drop it.
	 */
	default SuppressedPeople forGroup() {
		return this;
	}

}
