package io.github.swfheartbeat.worker;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Exponential backoff with jitter, for polls and respond calls that failed; jitter keeps workers
 * that failed together from retrying together.
 *
 * @param initial delay after the first failure
 * @param max longest delay
 */
public record Backoff(Duration initial, Duration max) {

	/**
	 * Checks the delays.
	 * @param initial delay after the first failure, positive
	 * @param max longest delay, not shorter than {@code initial}
	 */
	public Backoff {
		if (initial.isNegative() || initial.isZero()) {
			throw new IllegalArgumentException("initial backoff must be positive but was " + initial);
		}
		if (max.compareTo(initial) < 0) {
			throw new IllegalArgumentException("max backoff " + max + " must not be shorter than " + initial);
		}
	}

	/**
	 * Returns the delay after a number of consecutive failures: between half and all of
	 * {@code initial * 2^(failures-1)}, capped at the maximum.
	 * @param failures consecutive failures, at least 1
	 * @return the delay
	 */
	public Duration delay(int failures) {
		long ceiling = this.initial.toMillis();
		for (int i = 1; i < failures && ceiling < this.max.toMillis(); i++) {
			ceiling = Math.min(this.max.toMillis(), ceiling * 2);
		}
		return Duration.ofMillis(Math.max(1, (long) (ceiling * (0.5 + 0.5 * ThreadLocalRandom.current().nextDouble()))));
	}

}
