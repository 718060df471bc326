package io.github.swfheartbeat.aspect;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Explains an {@link InvalidHeartbeatingActivityException} when the application fails to start.
 */
public class HeartbeatingActivityFailureAnalyzer extends AbstractFailureAnalyzer<InvalidHeartbeatingActivityException> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, InvalidHeartbeatingActivityException cause) {
		String description = "The method " + cause.getMethodDescription() + " is annotated with @HeartbeatingActivity but "
				+ cause.getProblem() + ".";
		return new FailureAnalysis(description, cause.getAction(), cause);
	}

}
