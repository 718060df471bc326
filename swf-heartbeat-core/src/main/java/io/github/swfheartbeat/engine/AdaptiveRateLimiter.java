package io.github.swfheartbeat.engine;

/**
 * Token bucket shared by every heartbeat of the JVM, whose rate halves when SWF throttles and
 * recovers step by step afterwards (additive increase, multiplicative decrease). Used by the
 * scheduler thread only; {@link #currentRate(long)} may be read from any thread.
 */
final class AdaptiveRateLimiter {

	private static final long SECOND = 1_000_000_000L;

	/** Several in-flight calls are throttled together; treat them as one signal. */
	private static final long DECREASE_QUIET_NANOS = SECOND / 2;

	private static final double FLOOR_FRACTION = 0.05;

	private static final double RECOVERY_FRACTION = 0.1;

	private final double configuredRate;

	private final double capacity;

	private volatile double rate;

	private double tokens;

	private long lastRefillNanos;

	private long lastDecreaseNanos = Long.MIN_VALUE / 2;

	private volatile long lastIncreaseNanos;

	AdaptiveRateLimiter(double ratePerSecond, int burst, long nowNanos) {
		this.configuredRate = ratePerSecond;
		this.rate = ratePerSecond;
		this.capacity = Math.max(1, burst);
		this.tokens = this.capacity;
		this.lastRefillNanos = nowNanos;
		this.lastIncreaseNanos = nowNanos;
	}

	boolean tryAcquire(long nowNanos) {
		refill(nowNanos);
		if (this.tokens >= 1) {
			this.tokens -= 1;
			return true;
		}
		return false;
	}

	/**
	 * Returns when the next permit will be available.
	 * @param nowNanos the current time
	 * @return the time in nanoseconds
	 */
	long nextPermitNanos(long nowNanos) {
		refill(nowNanos);
		if (this.tokens >= 1) {
			return nowNanos;
		}
		return nowNanos + (long) Math.ceil((1 - this.tokens) / this.rate * SECOND);
	}

	void onThrottled(long nowNanos) {
		refill(nowNanos);
		if (nowNanos - this.lastDecreaseNanos < DECREASE_QUIET_NANOS) {
			return;
		}
		this.lastDecreaseNanos = nowNanos;
		this.lastIncreaseNanos = nowNanos;
		this.rate = Math.max(this.configuredRate * FLOOR_FRACTION, this.rate / 2);
		// SWF's bucket is empty: sending a burst now would only be throttled again.
		this.tokens = Math.min(this.tokens, 0);
	}

	/**
	 * Returns the rate in force now, including recovery since the last call; may be called from
	 * any thread.
	 * @param nowNanos the current time
	 * @return calls per second
	 */
	double currentRate(long nowNanos) {
		double current = this.rate;
		if (current >= this.configuredRate) {
			return current;
		}
		long steps = Math.max(0, (nowNanos - this.lastIncreaseNanos) / SECOND);
		return Math.min(this.configuredRate, current + steps * this.configuredRate * RECOVERY_FRACTION);
	}

	private void refill(long nowNanos) {
		long elapsed = nowNanos - this.lastRefillNanos;
		if (elapsed > 0) {
			this.tokens = Math.min(this.capacity, this.tokens + elapsed * this.rate / SECOND);
			this.lastRefillNanos = nowNanos;
		}
		if (this.rate < this.configuredRate && nowNanos - this.lastIncreaseNanos >= SECOND) {
			long steps = (nowNanos - this.lastIncreaseNanos) / SECOND;
			this.rate = Math.min(this.configuredRate, this.rate + steps * this.configuredRate * RECOVERY_FRACTION);
			this.lastIncreaseNanos += steps * SECOND;
		}
	}

}
