package io.leadrelay.store;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * H2 still works but is not safe for leads: it does not flush a commit to disk before the
 * webhook is answered, so a power loss can lose acknowledged leads (see the README, "What
 * the store guarantees"). Say so at every start.
 */
@Component
class H2DurabilityWarning {

	private static final Logger log = LoggerFactory.getLogger(H2DurabilityWarning.class);

	private final Environment environment;

	H2DurabilityWarning(Environment environment) {
		this.environment = environment;
	}

	@EventListener(ApplicationReadyEvent.class)
	void warnWhenOnH2() {
		String url = this.environment.getProperty("spring.datasource.url", "");
		if (url.startsWith("jdbc:h2:")) {
			log.warn("The database is H2 ({}): H2 does not flush a commit to disk before the webhook is answered, "
					+ "so a power loss can lose acknowledged leads. Use it to try LeadRelay only; remove "
					+ "spring.datasource.url to use the embedded PostgreSQL, or point it at a PostgreSQL server.", url);
		}
	}

}
