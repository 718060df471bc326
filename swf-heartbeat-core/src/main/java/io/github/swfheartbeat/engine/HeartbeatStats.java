package io.github.swfheartbeat.engine;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * A point-in-time summary of the engine for health checks and monitoring. Carries no task token.
 *
 * @param activeTasks tasks currently heartbeated
 * @param lastSuccessAt when a heartbeat last succeeded, or {@code null} if none has yet
 * @param consecutiveFailures failed calls since the last success, throttled ones included
 * @param throttledLastMinute calls SWF throttled in the last 60 seconds
 * @param currentRateLimit current client-side limit in calls per second (lowered after throttling)
 * @param lastNotPermittedAt when SWF last answered OperationNotPermitted, or {@code null}
 * @param heartbeatsSent calls sent since start
 * @param cancellationsRequested tasks whose cancellation was reported since start
 * @param tasksLost tasks lost since start
 * @param accepting whether new tasks are accepted (false once shutdown began)
 * @param discoveryFailures activity types ({@code name:version}) whose heartbeat timeout could
 * not be looked up, with a short reason; empty when every lookup worked
 * @param engineFailure what stopped the engine from heartbeating, or {@code null} while it works
 * @param consecutiveErrors failed calls since the last success that were neither throttled nor
 * about a task SWF no longer knows: calls that got nothing through
 * @param failingTasks distinct tasks among those {@code consecutiveErrors}
 * @param smallestSlack time left before the deadline of the active task closest to it, or
 * {@code null} when no task is planned
 * @param plannedDemand heartbeat calls per second the active tasks need as planned
 */
public record HeartbeatStats(int activeTasks, @Nullable Instant lastSuccessAt, long consecutiveFailures,
		long throttledLastMinute, double currentRateLimit, @Nullable Instant lastNotPermittedAt, long heartbeatsSent,
		long cancellationsRequested, long tasksLost, boolean accepting, Map<String, String> discoveryFailures,
		@Nullable String engineFailure, long consecutiveErrors, int failingTasks, @Nullable Duration smallestSlack,
		double plannedDemand) {

	/**
	 * Creates statistics without discovery failures, engine failure, errors, slack or demand.
	 * @param activeTasks tasks currently heartbeated
	 * @param lastSuccessAt when a heartbeat last succeeded, or {@code null}
	 * @param consecutiveFailures failed calls since the last success
	 * @param throttledLastMinute calls SWF throttled in the last 60 seconds
	 * @param currentRateLimit current client-side limit in calls per second
	 * @param lastNotPermittedAt when SWF last answered OperationNotPermitted, or {@code null}
	 * @param heartbeatsSent calls sent since start
	 * @param cancellationsRequested tasks whose cancellation was reported since start
	 * @param tasksLost tasks lost since start
	 * @param accepting whether new tasks are accepted
	 */
	public HeartbeatStats(int activeTasks, @Nullable Instant lastSuccessAt, long consecutiveFailures,
			long throttledLastMinute, double currentRateLimit, @Nullable Instant lastNotPermittedAt, long heartbeatsSent,
			long cancellationsRequested, long tasksLost, boolean accepting) {
		this(activeTasks, lastSuccessAt, consecutiveFailures, throttledLastMinute, currentRateLimit, lastNotPermittedAt,
				heartbeatsSent, cancellationsRequested, tasksLost, accepting, Map.of(), null, 0, 0, null, 0);
	}

	/**
	 * Makes the discovery failures an unmodifiable copy.
	 */
	public HeartbeatStats {
		discoveryFailures = (discoveryFailures != null) ? Map.copyOf(discoveryFailures) : Map.of();
	}

	/**
	 * Whether the engine's scheduler failed: nothing is heartbeated any more.
	 * @return whether the engine failed
	 */
	public boolean isFailed() {
		return this.engineFailure != null;
	}

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
