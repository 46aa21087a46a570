package io.leadrelay.pipeline;

import org.apache.camel.ProducerTemplate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The wake-ups as messages to the {@code seda:delivery-wakeup} and
 * {@code seda:pipeline-wakeup} routes. They coalesce: while one waits, more are dropped,
 * and the sender never waits.
 */
class CamelPipelineWakeups implements PipelineWakeups {

	private static final Logger log = LoggerFactory.getLogger(CamelPipelineWakeups.class);

	static final String DELIVERY = "seda:delivery-wakeup?size=1&blockWhenFull=false&discardWhenFull=true";

	static final String PIPELINE = "seda:pipeline-wakeup?blockWhenFull=false&discardWhenFull=true";

	private final ProducerTemplate producer;

	CamelPipelineWakeups(ProducerTemplate producer) {
		this.producer = producer;
	}

	@Override
	public void deliveryWakeup() {
		send(DELIVERY);
	}

	@Override
	public void pipelineWakeup() {
		send(PIPELINE);
	}

	private void send(String uri) {
		try {
			this.producer.sendBody(uri, null);
		}
		catch (RuntimeException ex) {
			// Only while Camel stops: the polls are the fallback.
			log.debug("No wake-up sent to {}: {}", uri, ex.toString());
		}
	}

}
