package io.github.swfheartbeat.autoconfigure;

import java.util.stream.Collectors;

import io.github.swfheartbeat.engine.InvalidHeartbeatSettingsException;
import io.github.swfheartbeat.engine.InvalidHeartbeatSettingsException.Problem;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.diagnostics.FailureAnalyzer;

/**
 * {@link FailureAnalyzer} for {@link InvalidHeartbeatSettingsException}: lists each
 * {@code swf.heartbeat.*} property that cannot work, and what to change.
 */
class InvalidHeartbeatSettingsFailureAnalyzer extends AbstractFailureAnalyzer<InvalidHeartbeatSettingsException> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, InvalidHeartbeatSettingsException cause) {
		String description = cause.getProblems()
			.stream()
			.map(InvalidHeartbeatSettingsFailureAnalyzer::describe)
			.collect(Collectors.joining("\n", "The SWF heartbeat settings cannot work:\n\n", ""));
		String action = cause.getProblems()
			.stream()
			.map((problem) -> "    - " + problem.action())
			.distinct()
			.collect(Collectors.joining("\n", "Update your application's configuration:\n\n", ""));
		return new FailureAnalysis(description, action, cause);
	}

	private static String describe(Problem problem) {
		return "    - swf.heartbeat." + problem.setting() + " (" + problem.value() + "): " + problem.reason();
	}

}
