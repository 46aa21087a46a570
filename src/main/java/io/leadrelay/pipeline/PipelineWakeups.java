package io.leadrelay.pipeline;

/**
 * The hand-offs the pipeline makes while it works: the delivery engine is woken as soon
 * as a batch of leads is mapped, and the pipeline itself once room is made for leads it
 * had to leave waiting.
 */
interface PipelineWakeups {

	/** Leads were mapped: their deliveries are waiting. */
	void deliveryWakeup();

	/** Leads in flight finished while due leads were left unclaimed. */
	void pipelineWakeup();

}
