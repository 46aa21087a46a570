package io.leadrelay.pipeline;

import org.apache.camel.ProducerTemplate;

/**
 * The wake-ups as messages to the {@code seda:delivery-wakeup} and
 * {@code seda:pipeline-wakeup} routes. They coalesce: while one waits, more are dropped,
 * and the sender never waits.
 */
class CamelPipelineWakeups implements PipelineWakeups {

	static final String DELIVERY = "seda:delivery-wakeup?size=1&blockWhenFull=false&discardWhenFull=true";

	static final String PIPELINE = "seda:pipeline-wakeup?blockWhenFull=false&discardWhenFull=true";

	private final ProducerTemplate producer;

	CamelPipelineWakeups(ProducerTemplate producer) {
		this.producer = producer;
	}

	@Override
	public void deliveryWakeup() {
		this.producer.sendBody(DELIVERY, null);
	}

	@Override
	public void pipelineWakeup() {
		this.producer.sendBody(PIPELINE, null);
	}

}
