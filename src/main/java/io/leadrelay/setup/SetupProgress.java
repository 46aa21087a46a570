package io.leadrelay.setup;

import java.util.List;

/**
 * How far an install is from its first lead in the CRM, as four steps in the order they
 * are done.
 *
 * @param pageConnected a Facebook page is connected
 * @param destinationAdded a destination (a CRM) is added
 * @param mappingSaved a mapping is saved
 * @param leadDelivered a lead (a test lead or a real one) reached a CRM
 * @param firstMappingId the first mapping by id, where a test lead is sent from; may be
 * {@code null}
 * @param firstDestinationId the first destination by id, which a new mapping sends to;
 * may be {@code null}
 */
public record SetupProgress(boolean pageConnected, boolean destinationAdded, boolean mappingSaved,
		boolean leadDelivered, String firstMappingId, String firstDestinationId) {

	/** How many steps there are. */
	public static final int STEPS = 4;

	/** The steps' states, in order. */
	public List<Boolean> steps() {
		return List.of(this.pageConnected, this.destinationAdded, this.mappingSaved, this.leadDelivered);
	}

	/** How many steps are done. */
	public int stepsDone() {
		return (int) steps().stream().filter(Boolean::booleanValue).count();
	}

	/** Whether every step is done. */
	public boolean complete() {
		return stepsDone() == STEPS;
	}

	/** The number (1 to 4) of the first step not done, or 0 when all are. */
	public int nextStep() {
		List<Boolean> steps = steps();
		for (int i = 0; i < steps.size(); i++) {
			if (!steps.get(i)) {
				return i + 1;
			}
		}
		return 0;
	}

}
