package io.github.swfheartbeat.engine;

import java.time.Duration;
import java.time.Instant;

import io.github.swfheartbeat.core.ActivityTaskInfo;

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
 */
public record HeartbeatAttempt(String taskTokenFingerprint, ActivityTaskInfo activityTask, HeartbeatOutcome outcome,
		Duration roundTrip, Duration lateness, int attempt, Instant completedAt) {
}
