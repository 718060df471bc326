package io.github.swfheartbeat.core;

import java.time.Duration;
import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * Per-task heartbeat options. Anything left {@code null} falls back to the engine's settings
 * ({@code swf.heartbeat.*}) or, for the heartbeat timeout, to the activity type's registered
 * default when it can be discovered.
 *
 * @param heartbeatTimeout heartbeat timeout SWF applies to this task
 * @param maxCancellationLatency longest time a cancellation request may go unnoticed
 * @param activityTask what is known about the task (activity id, type, workflow, domain)
 * @param polledAt when the worker's poll returned the task: SWF's heartbeat clock starts there, so
 * the first heartbeat is planned from it
 * @param startToCloseTimeout start-to-close timeout SWF applies to this task, when known
 */
public record HeartbeatOptions(@Nullable Duration heartbeatTimeout, @Nullable Duration maxCancellationLatency,
		ActivityTaskInfo activityTask, @Nullable Instant polledAt, @Nullable Duration startToCloseTimeout) {

	/**
	 * Longest duration accepted: well past SWF's one-year limits and far from where nanosecond
	 * arithmetic overflows.
	 */
	public static final Duration MAX_DURATION = Duration.ofDays(366);

	private static final HeartbeatOptions DEFAULTS = new HeartbeatOptions(null, null, ActivityTaskInfo.unknown());

	/**
	 * Creates options, checking that durations are positive.
	 * @param heartbeatTimeout heartbeat timeout SWF applies to this task
	 * @param maxCancellationLatency longest time a cancellation request may go unnoticed
	 * @param activityTask what is known about the task
	 * @param polledAt when the worker's poll returned the task, if known
	 * @param startToCloseTimeout start-to-close timeout SWF applies to this task, if known
	 */
	public HeartbeatOptions {
		requirePositive("heartbeatTimeout", heartbeatTimeout);
		requirePositive("maxCancellationLatency", maxCancellationLatency);
		requirePositive("startToCloseTimeout", startToCloseTimeout);
		if (activityTask == null) {
			activityTask = ActivityTaskInfo.unknown();
		}
	}

	/**
	 * Creates options without a poll instant or start-to-close timeout.
	 * @param heartbeatTimeout heartbeat timeout SWF applies to this task
	 * @param maxCancellationLatency longest time a cancellation request may go unnoticed
	 * @param activityTask what is known about the task
	 */
	public HeartbeatOptions(@Nullable Duration heartbeatTimeout, @Nullable Duration maxCancellationLatency,
			ActivityTaskInfo activityTask) {
		this(heartbeatTimeout, maxCancellationLatency, activityTask, null, null);
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
		return new HeartbeatOptions(timeout, this.maxCancellationLatency, this.activityTask, this.polledAt,
				this.startToCloseTimeout);
	}

	/**
	 * Returns a copy with the given maximum cancellation-detection latency.
	 * @param latency the latency, positive
	 * @return new options
	 */
	public HeartbeatOptions withMaxCancellationLatency(@Nullable Duration latency) {
		return new HeartbeatOptions(this.heartbeatTimeout, latency, this.activityTask, this.polledAt,
				this.startToCloseTimeout);
	}

	/**
	 * Returns a copy describing the given activity task.
	 * @param info what is known about the task
	 * @return new options
	 */
	public HeartbeatOptions withActivityTask(ActivityTaskInfo info) {
		return new HeartbeatOptions(this.heartbeatTimeout, this.maxCancellationLatency, info, this.polledAt,
				this.startToCloseTimeout);
	}

	/**
	 * Returns a copy that says when the worker's poll returned the task. SWF starts the task's
	 * heartbeat clock when it hands the task out, so the engine plans the first heartbeat from this
	 * instant rather than from the moment it takes the task on.
	 * @param instant when the poll returned the task
	 * @return new options
	 */
	public HeartbeatOptions withPolledAt(@Nullable Instant instant) {
		return new HeartbeatOptions(this.heartbeatTimeout, this.maxCancellationLatency, this.activityTask, instant,
				this.startToCloseTimeout);
	}

	/**
	 * Returns a copy with the task's start-to-close timeout: heartbeats cannot keep a task alive past
	 * it, so the engine stops there and reports the task lost.
	 * @param timeout start-to-close timeout, positive
	 * @return new options
	 */
	public HeartbeatOptions withStartToCloseTimeout(@Nullable Duration timeout) {
		return new HeartbeatOptions(this.heartbeatTimeout, this.maxCancellationLatency, this.activityTask,
				this.polledAt, timeout);
	}

	private static void requirePositive(String name, @Nullable Duration value) {
		if (value != null && (value.isNegative() || value.isZero())) {
			throw new IllegalArgumentException(name + " must be positive but was " + value);
		}
		if (value != null && value.compareTo(MAX_DURATION) > 0) {
			throw new IllegalArgumentException(name + " must be at most " + MAX_DURATION + " but was " + value);
		}
	}

	/**
	 * Returns when the poll that returned the task was answered: {@link #polledAt()}, else the
	 * activity task's.
	 * @return the instant, or {@code null} when unknown
	 */
	public @Nullable Instant effectivePolledAt() {
		return (this.polledAt != null) ? this.polledAt : this.activityTask.polledAt();
	}

}
