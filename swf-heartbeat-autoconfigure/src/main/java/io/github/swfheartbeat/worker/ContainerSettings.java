package io.github.swfheartbeat.worker;

import java.time.Duration;

/**
 * How a listener container polls and stops.
 *
 * @param concurrency tasks run at the same time; a poll starts only when one of these slots is free
 * @param pollers polls in flight at most, never more than {@code concurrency}
 * @param pollBackoff backoff after failed or throttled polls
 * @param shutdownGracePeriod how long running tasks may go on once stopping began
 * @param identity identity sent with polls, recorded in the ActivityTaskStarted event
 */
public record ContainerSettings(int concurrency, int pollers, Backoff pollBackoff, Duration shutdownGracePeriod,
		String identity) {

	/**
	 * Checks the settings.
	 * @param concurrency at least 1
	 * @param pollers at least 1
	 * @param pollBackoff backoff after failed polls
	 * @param shutdownGracePeriod not negative
	 * @param identity at most 256 characters
	 */
	public ContainerSettings {
		if (concurrency < 1) {
			throw new IllegalArgumentException("concurrency must be at least 1 but was " + concurrency);
		}
		if (pollers < 1) {
			throw new IllegalArgumentException("pollers must be at least 1 but was " + pollers);
		}
		pollers = Math.min(pollers, concurrency);
		if (shutdownGracePeriod.isNegative()) {
			throw new IllegalArgumentException("shutdownGracePeriod must not be negative but was " + shutdownGracePeriod);
		}
		if (identity.length() > 256) {
			// SWF's limit on a poll's identity.
			identity = identity.substring(0, 256);
		}
	}

}
