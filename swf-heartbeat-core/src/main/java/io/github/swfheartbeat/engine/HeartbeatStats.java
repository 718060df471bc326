package io.github.swfheartbeat.engine;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * A point-in-time summary of the engine for health checks and monitoring. Carries no task token.
 *
 * @param activeTasks tasks currently heartbeated
 * @param lastSuccessAt when a heartbeat last succeeded, or {@code null} if none has yet
 * @param consecutiveFailures failed calls since the last success
 * @param throttledLastMinute calls SWF throttled in the last 60 seconds
 * @param currentRateLimit current client-side limit in calls per second (lowered after throttling)
 * @param lastNotPermittedAt when SWF last answered OperationNotPermitted, or {@code null}
 * @param heartbeatsSent calls sent since start
 * @param cancellationsRequested tasks whose cancellation was reported since start
 * @param tasksLost tasks lost since start
 * @param accepting whether new tasks are accepted (false once shutdown began)
 */
public record HeartbeatStats(int activeTasks, @Nullable Instant lastSuccessAt, long consecutiveFailures,
		long throttledLastMinute, double currentRateLimit, @Nullable Instant lastNotPermittedAt, long heartbeatsSent,
		long cancellationsRequested, long tasksLost, boolean accepting) {

	/**
	 * Whether the last answer of OperationNotPermitted came after the last success, meaning IAM
	 * currently denies heartbeats.
	 * @return whether heartbeats are denied
	 */
	public boolean isNotPermitted() {
		return this.lastNotPermittedAt != null
				&& (this.lastSuccessAt == null || this.lastNotPermittedAt.isAfter(this.lastSuccessAt));
	}

}
