package io.leadrelay.pipeline;

import io.leadrelay.page.PageTokenChanged;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Sends a page's parked leads through the pipeline again once the page has a (new) token:
 * a revoked token parks leads, it never loses them.
 */
@Component
class ParkedLeadResumer {

	private static final Logger log = LoggerFactory.getLogger(ParkedLeadResumer.class);

	private final LeadEventQueue queue;

	ParkedLeadResumer(LeadEventQueue queue) {
		this.queue = queue;
	}

	@TransactionalEventListener
	void tokenChanged(PageTokenChanged event) {
		int resumed = this.queue.resumeParked(event.pageId());
		if (resumed > 0) {
			log.info("Resumed {} parked leads of page {} after its token changed", resumed, event.pageId());
		}
	}

}
