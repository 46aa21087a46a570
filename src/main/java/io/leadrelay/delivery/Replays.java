package io.leadrelay.delivery;

import java.util.ArrayList;
import java.util.List;

import io.leadrelay.destination.Destinations;
import io.leadrelay.mapping.MappingNotFoundException;

import org.springframework.stereotype.Component;

/**
 * Replays deliveries: re-maps each lead with its mapping's current version (or resends
 * the payload as it is) and queues it again. A lead the fixed mapping still cannot map is
 * left dead and reported.
 */
@Component
public class Replays {

	/** The payload a delivery keeps once its lead's personal data is removed. */
	private static final String REMOVED_PAYLOAD = "{}";

	private final Deliveries deliveries;

	private final LeadRemapper remapper;

	private final Destinations destinations;

	Replays(Deliveries deliveries, LeadRemapper remapper, Destinations destinations) {
		this.deliveries = deliveries;
		this.remapper = remapper;
		this.destinations = destinations;
	}

	public DeliveryView replay(long id, boolean asIs, String actor) {
		DeliveryView delivery = this.deliveries.get(id);
		if (!List.of("dead", "delivered").contains(delivery.status())) {
			// Before re-mapping: a discarded or queued delivery is refused as such.
			throw new DeliveryNotReplayableException(id, delivery.status());
		}
		if (!this.destinations.exists(delivery.destinationId())) {
			// Queued again, it would wait for ever: nothing claims a missing
			// destination's.
			throw new ReplayRefusedException("destination", "The destination '" + delivery.destinationId()
					+ "' no longer exists; add it again under /api/v1/destinations to replay this delivery");
		}
		if (asIs) {
			if (REMOVED_PAYLOAD.equals(this.deliveries.payload(id).strip())) {
				throw new ReplayRefusedException("resendAsIs", "The data of this delivery was removed (the person's"
						+ " erasure, or the retention window); there is nothing left to send");
			}
			return this.deliveries.replay(id, null, null, actor);
		}
		LeadRemapper.Remapped remapped;
		try {
			remapped = this.remapper.remap(delivery.leadgenId(), delivery.mappingId());
		}
		catch (MappingNotFoundException ex) {
			throw new ReplayRefusedException("resendAsIs", "The mapping '" + delivery.mappingId()
					+ "' no longer exists; replay with {\"resendAsIs\": true} to send the payload as it is");
		}
		if (!remapped.ok()) {
			throw new ReplayRefusedException("mapping",
					"The current mapping still cannot map this lead: " + remapped.error());
		}
		return this.deliveries.replay(id, remapped.payloadJson(), remapped.mappingVersion(), actor);
	}

	public BulkResult replayAll(DeliveryFilter filter, boolean asIs, String actor) {
		List<Long> ids = this.deliveries.ids(filter, Deliveries.MAX_BULK);
		List<Failure> failures = new ArrayList<>();
		int replayed = 0;
		for (long id : ids) {
			try {
				replay(id, asIs, actor);
				replayed++;
			}
			catch (ReplayRefusedException | DeliveryNotReplayableException ex) {
				failures.add(new Failure(id, ex.getMessage()));
			}
		}
		return new BulkResult(ids.size(), replayed, failures, ids.size() == Deliveries.MAX_BULK);
	}

	/**
	 * What a bulk replay did.
	 *
	 * @param matched how many deliveries the filter matched (at most 1000 per call)
	 * @param replayed how many were queued again
	 * @param failed those that were not, and why
	 * @param more whether more may match: call again
	 */
	public record BulkResult(int matched, int replayed, List<Failure> failed, boolean more) {
	}

	/**
	 * A delivery a bulk replay left as it was.
	 *
	 * @param id the delivery
	 * @param reason why
	 */
	public record Failure(long id, String reason) {
	}

}
