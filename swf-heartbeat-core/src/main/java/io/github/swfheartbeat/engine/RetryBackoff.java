package io.github.swfheartbeat.engine;

import java.util.function.DoubleSupplier;

/**
 * Exponential backoff with jitter between retries of a failed heartbeat. Jitter keeps tasks that
 * failed together (an outage, a throttling storm) from retrying together.
 */
final class RetryBackoff {

	private final long initialNanos;

	private final long maxNanos;

	private final DoubleSupplier random;

	RetryBackoff(long initialNanos, long maxNanos, DoubleSupplier random) {
		this.initialNanos = initialNanos;
		this.maxNanos = maxNanos;
		this.random = random;
	}

	/**
	 * Returns the delay before retry number {@code failures}: between half and all of
	 * {@code initial * 2^(failures-1)}, capped at the maximum.
	 * @param failures consecutive failed attempts of this heartbeat, at least 1
	 * @return the delay in nanoseconds
	 */
	long delayNanos(int failures) {
		long ceiling = Math.min(this.initialNanos, this.maxNanos);
		for (int i = 1; i < failures && ceiling < this.maxNanos; i++) {
			ceiling = Math.min(this.maxNanos, ceiling * 2);
		}
		double factor = 0.5 + 0.5 * this.random.getAsDouble();
		return Math.max(1, (long) (ceiling * factor));
	}

}
