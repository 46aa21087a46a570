package io.leadrelay.config;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Shows an {@link InvalidSetupException} as Spring Boot's "APPLICATION FAILED TO START"
 * block: its one-line description and action, and no stack trace.
 */
class InvalidSetupFailureAnalyzer extends AbstractFailureAnalyzer<InvalidSetupException> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, InvalidSetupException cause) {
		return new FailureAnalysis(cause.getMessage(), cause.action(), cause);
	}

}
