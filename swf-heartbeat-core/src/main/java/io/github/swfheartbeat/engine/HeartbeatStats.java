package io.github.swfheartbeat.engine;

import java.time.Instant;
import java.util.Map;

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
 * @param engineFailure what stopped the engine's scheduler, or {@code null} while it runs
 * @param discoveryFailures activity types ({@code name:version}) whose heartbeat timeout could not
 * be read with DescribeActivityType, each with a short reason; their tasks are planned
 * conservatively
 */
public record HeartbeatStats(int activeTasks, @Nullable Instant lastSuccessAt, long consecutiveFailures,
		long throttledLastMinute, double currentRateLimit, @Nullable Instant lastNotPermittedAt, long heartbeatsSent,
		long cancellationsRequested, long tasksLost, boolean accepting, @Nullable String engineFailure,
		Map<String, String> discoveryFailures) {

	/**
	 * Creates stats, copying the discovery failures.
	 */
	public HeartbeatStats {
		discoveryFailures = (discoveryFailures != null) ? Map.copyOf(discoveryFailures) : Map.of();
	}

	/**
	 * Creates stats of a running engine without discovery failures.
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
				heartbeatsSent, cancellationsRequested, tasksLost, accepting, null, Map.of());
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
