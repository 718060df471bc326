package io.github.swfheartbeat.engine;

/**
 * Decides when a task's next heartbeat goes out: as late as keeping it alive allows, with room
 * for one retry and the round trip before its deadline, or sooner when its cancellation latency
 * asks for it — never more often, since every call counts against SWF's account-wide quota.
 */
final class SendPlanner {

	private final long minIntervalNanos;

	private final long minMarginNanos;

	private final long retryInitialNanos;

	SendPlanner(long minIntervalNanos, long minMarginNanos, long retryInitialNanos) {
		this.minIntervalNanos = minIntervalNanos;
		this.minMarginNanos = minMarginNanos;
		this.retryInitialNanos = retryInitialNanos;
	}

	/**
	 * Returns how long before the deadline a task's heartbeat must go out: enough for a call,
	 * a retry after the first backoff, and a second call; never more than a third of the timeout
	 * so that short timeouts still leave an interval between heartbeats.
	 * @param timeoutNanos the task's heartbeat timeout
	 * @param roundTripNanos a round trip that calls rarely exceed
	 * @return the margin in nanoseconds
	 */
	long marginNanos(long timeoutNanos, long roundTripNanos) {
		long needed = Math.max(this.minMarginNanos, 2 * roundTripNanos + this.retryInitialNanos);
		return Math.min(needed, timeoutNanos / 3);
	}

	/**
	 * Returns when the next heartbeat should be sent before any round trip has been measured:
	 * with a third of the timeout in reserve. A new client's first calls, many at once when
	 * tasks start together, can take seconds; the reserve costs nothing once a call is answered.
	 * @param lastResetNanos when SWF last restarted the task's heartbeat clock
	 * @param lastSendNanos when the last heartbeat was sent, or the task registered
	 * @param timeoutNanos the task's heartbeat timeout
	 * @param cancelLatencyNanos longest time a cancellation may go unnoticed, 0 for none
	 * @return the planned send time
	 */
	long unmeasuredSendNanos(long lastResetNanos, long lastSendNanos, long timeoutNanos, long cancelLatencyNanos) {
		return sendNanos(lastResetNanos, lastSendNanos, timeoutNanos, cancelLatencyNanos, 0, timeoutNanos / 3);
	}

	/**
	 * Returns when the next heartbeat should be sent.
	 * @param lastResetNanos when SWF last restarted the task's heartbeat clock (conservatively:
	 * when the last successful heartbeat was sent, or when the task was registered)
	 * @param lastSendNanos when the last heartbeat was sent, or the task registered
	 * @param timeoutNanos the task's heartbeat timeout
	 * @param cancelLatencyNanos longest time a cancellation may go unnoticed, 0 for none
	 * @param roundTripNanos a round trip that calls rarely exceed
	 * @return the planned send time
	 */
	long nextSendNanos(long lastResetNanos, long lastSendNanos, long timeoutNanos, long cancelLatencyNanos,
			long roundTripNanos) {
		return sendNanos(lastResetNanos, lastSendNanos, timeoutNanos, cancelLatencyNanos, roundTripNanos,
				marginNanos(timeoutNanos, roundTripNanos));
	}

	private long sendNanos(long lastResetNanos, long lastSendNanos, long timeoutNanos, long cancelLatencyNanos,
			long roundTripNanos, long marginNanos) {
		long due = lastResetNanos + timeoutNanos - marginNanos;
		if (cancelLatencyNanos > 0) {
			long interval = Math.max(this.minIntervalNanos, cancelLatencyNanos - roundTripNanos);
			due = Math.min(due, lastSendNanos + interval);
		}
		return due;
	}

}
