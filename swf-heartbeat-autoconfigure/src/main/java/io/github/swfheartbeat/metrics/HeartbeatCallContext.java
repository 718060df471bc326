package io.github.swfheartbeat.metrics;

import io.github.swfheartbeat.core.TaskTokenFingerprint;
import io.github.swfheartbeat.engine.HeartbeatOutcome;
import io.micrometer.observation.Observation;
import org.jspecify.annotations.Nullable;

/**
 * Context of the observation of one {@code RecordActivityTaskHeartbeat} call. Holds the
 * fingerprint of the task's token, never the token.
 */
public class HeartbeatCallContext extends Observation.Context {

	private final String taskTokenFingerprint;

	private @Nullable HeartbeatOutcome outcome;

	/**
	 * Creates a context for a call about a task.
	 * @param taskToken the task's token, of which only the fingerprint is kept
	 */
	public HeartbeatCallContext(String taskToken) {
		this.taskTokenFingerprint = TaskTokenFingerprint.of(taskToken);
	}

	/**
	 * Returns the fingerprint of the task's token.
	 * @return the fingerprint
	 */
	public String getTaskTokenFingerprint() {
		return this.taskTokenFingerprint;
	}

	/**
	 * Returns the outcome of the call.
	 * @return the outcome, or {@code null} while the call is in flight
	 */
	public @Nullable HeartbeatOutcome getOutcome() {
		return this.outcome;
	}

	/**
	 * Sets the outcome of the call.
	 * @param outcome the outcome
	 */
	public void setOutcome(HeartbeatOutcome outcome) {
		this.outcome = outcome;
	}

}
