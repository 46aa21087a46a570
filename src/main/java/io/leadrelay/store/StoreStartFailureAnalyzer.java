package io.leadrelay.store;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Prints why the embedded store did not start in Spring Boot's "APPLICATION FAILED TO
 * START" block, instead of a stack trace.
 */
class StoreStartFailureAnalyzer extends AbstractFailureAnalyzer<StoreStartException> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, StoreStartException cause) {
		return new FailureAnalysis(cause.getMessage(), cause.action(), cause);
	}

}
