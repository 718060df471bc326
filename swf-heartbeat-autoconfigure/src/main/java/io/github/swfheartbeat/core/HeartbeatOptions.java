package io.github.swfheartbeat.core;

import java.time.Duration;

import org.jspecify.annotations.Nullable;

/**
 * Per-task heartbeat options. Anything left {@code null} falls back to the engine's settings
 * ({@code swf.heartbeat.*}) or, for the heartbeat timeout, to the activity type's registered
 * default when it can be discovered.
 *
 * @param heartbeatTimeout heartbeat timeout SWF applies to this task
 * @param maxCancellationLatency longest time a cancellation request may go unnoticed
 * @param activityTask what is known about the task (activity id, type, workflow, domain)
 */
public record HeartbeatOptions(@Nullable Duration heartbeatTimeout, @Nullable Duration maxCancellationLatency,
		ActivityTaskInfo activityTask) {

	private static final HeartbeatOptions DEFAULTS = new HeartbeatOptions(null, null, ActivityTaskInfo.unknown());

	/**
	 * Creates options, checking that durations are positive.
	 * @param heartbeatTimeout heartbeat timeout SWF applies to this task
	 * @param maxCancellationLatency longest time a cancellation request may go unnoticed
	 * @param activityTask what is known about the task
	 */
	public HeartbeatOptions {
		requirePositive("heartbeatTimeout", heartbeatTimeout);
		requirePositive("maxCancellationLatency", maxCancellationLatency);
		if (activityTask == null) {
			activityTask = ActivityTaskInfo.unknown();
		}
	}

	/**
	 * Returns options with nothing set: every value comes from the engine's settings.
	 * @return the default options
	 */
	public static HeartbeatOptions defaults() {
		return DEFAULTS;
	}

	/**
	 * Returns a copy with the given heartbeat timeout.
	 * @param timeout heartbeat timeout, positive
	 * @return new options
	 */
	public HeartbeatOptions withHeartbeatTimeout(@Nullable Duration timeout) {
		return new HeartbeatOptions(timeout, this.maxCancellationLatency, this.activityTask);
	}

	/**
	 * Returns a copy with the given maximum cancellation-detection latency.
	 * @param latency the latency, positive
	 * @return new options
	 */
	public HeartbeatOptions withMaxCancellationLatency(@Nullable Duration latency) {
		return new HeartbeatOptions(this.heartbeatTimeout, latency, this.activityTask);
	}

	/**
	 * Returns a copy describing the given activity task.
	 * @param info what is known about the task
	 * @return new options
	 */
	public HeartbeatOptions withActivityTask(ActivityTaskInfo info) {
		return new HeartbeatOptions(this.heartbeatTimeout, this.maxCancellationLatency, info);
	}

	private static void requirePositive(String name, @Nullable Duration value) {
		if (value != null && (value.isNegative() || value.isZero())) {
			throw new IllegalArgumentException(name + " must be positive but was " + value);
		}
	}

}
