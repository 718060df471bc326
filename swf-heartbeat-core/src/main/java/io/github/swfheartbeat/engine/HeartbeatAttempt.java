package io.github.swfheartbeat.engine;

import java.time.Duration;
import java.time.Instant;

import io.github.swfheartbeat.core.ActivityTaskInfo;
import org.jspecify.annotations.Nullable;

/**
 * One {@code RecordActivityTaskHeartbeat} call and its result, as reported to
 * {@link HeartbeatListener#onHeartbeat(HeartbeatAttempt)}. Carries no task token.
 *
 * @param taskTokenFingerprint fingerprint of the task's token
 * @param activityTask what is known about the task
 * @param outcome the result
 * @param roundTrip time from sending the request to receiving the answer
 * @param lateness how long after its planned time the call went out
 * @param attempt 1 for the first try of a heartbeat, more for retries
 * @param completedAt when the answer arrived
 * @param slack for a heartbeat SWF recorded, the time that was left before the task's heartbeat
 * deadline when the answer arrived (never negative); {@code null} for failed calls and one-shot
 * heartbeats, which have no deadline of their own
 */
public record HeartbeatAttempt(String taskTokenFingerprint, ActivityTaskInfo activityTask, HeartbeatOutcome outcome,
		Duration roundTrip, Duration lateness, int attempt, Instant completedAt, @Nullable Duration slack) {

	/**
	 * Creates an attempt without slack.
	 * @param taskTokenFingerprint fingerprint of the task's token
	 * @param activityTask what is known about the task
	 * @param outcome the result
	 * @param roundTrip time from sending the request to receiving the answer
	 * @param lateness how long after its planned time the call went out
	 * @param attempt 1 for the first try of a heartbeat, more for retries
	 * @param completedAt when the answer arrived
	 */
	public HeartbeatAttempt(String taskTokenFingerprint, ActivityTaskInfo activityTask, HeartbeatOutcome outcome,
			Duration roundTrip, Duration lateness, int attempt, Instant completedAt) {
		this(taskTokenFingerprint, activityTask, outcome, roundTrip, lateness, attempt, completedAt, null);
	}

}
