package io.leadrelay.pipeline.web;

/** No lead of this leadgen id reached LeadRelay. */
class UnknownLeadException extends RuntimeException {

	UnknownLeadException(String leadgenId) {
		super("No lead " + leadgenId + " has reached LeadRelay");
	}

}
