package io.leadrelay.alert.checks;

import java.util.List;

import io.leadrelay.alert.AlertCheck;
import io.leadrelay.alert.AlertCondition;
import io.leadrelay.destination.DestinationStatus;
import io.leadrelay.destination.DestinationView;
import io.leadrelay.destination.Destinations;

import org.springframework.stereotype.Component;

/**
 * A destination whose CRM refused its credentials: its leads wait, untried, until a
 * person saves new ones. One condition per destination; a disabled one is left alone
 * (someone chose to stop it).
 */
@Component
class DestinationCredentialsCheck implements AlertCheck {

	static final String KIND = "destination-credentials";

	private final Destinations destinations;

	DestinationCredentialsCheck(Destinations destinations) {
		this.destinations = destinations;
	}

	@Override
	public List<AlertCondition> check() {
		return this.destinations.list()
			.stream()
			.filter((destination) -> destination.enabled()
					&& destination.status() == DestinationStatus.NEEDS_CREDENTIALS)
			.map(DestinationCredentialsCheck::condition)
			.toList();
	}

	private static AlertCondition condition(DestinationView destination) {
		return new AlertCondition(KIND + ":" + destination.id(), KIND, destination.name() + " refuses its credentials",
				"The " + destination.type() + " destination " + destination.name()
						+ " answered that its credentials are not valid (expired, revoked or lacking a permission). "
						+ "Its leads wait and are not sent until you save new credentials on its page; "
						+ "they are sent then, nothing is lost.",
				"/destinations/" + Wording.param(destination.id()));
	}

}
