package io.github.swfheartbeat.engine;

/**
 * Token bucket shared by every heartbeat of the JVM, whose rate follows what SWF lets through.
 * <p>
 * SWF's quota belongs to the account, and every worker process of the account draws on it, so a
 * JVM cannot know its share; it learns it from throttling:
 * <ul>
 * <li>When SWF throttles, the rate drops to 0.7 of itself (the multiplicative decrease of CUBIC
 * congestion control), at most once per half second. Once the rate is what holds the JVM back, one
 * such step relieves an account oversubscribed by up to 40%; halving would cut the JVM's
 * heartbeats well below what its tasks need and lose tasks the account could have kept.</li>
 * <li>Afterwards it climbs back a tenth of the configured rate per second, but only in seconds in
 * which a call had to wait for a permit: a limit that climbs while nothing uses it tells nothing
 * about the account, and lets the next burst through all at once. A fleet of JVMs therefore
 * settles with each limit a step above what its own tasks need, instead of swinging between the
 * configured rate and a fraction of it.</li>
 * </ul>
 * Used by the scheduler thread only; {@link #currentRate()} may be read from any thread.
 */
final class AdaptiveRateLimiter {

	private static final long SECOND = 1_000_000_000L;

	/** Several in-flight calls are throttled together; treat them as one signal. */
	private static final long DECREASE_QUIET_NANOS = SECOND / 2;

	/** The multiplicative decrease of CUBIC (RFC 9438). */
	private static final double DECREASE_FACTOR = 0.7;

	private static final double FLOOR_FRACTION = 0.05;

	private static final double RECOVERY_FRACTION = 0.1;

	private final double configuredRate;

	private final double capacity;

	private volatile double rate;

	private double tokens;

	private long lastRefillNanos;

	private long lastDecreaseNanos = Long.MIN_VALUE / 2;

	private long lastIncreaseNanos;

	/** Whether a call waited for a permit since the last recovery step. */
	private boolean waitedSinceStep;

	AdaptiveRateLimiter(double ratePerSecond, int burst, long nowNanos) {
		this.configuredRate = ratePerSecond;
		this.rate = ratePerSecond;
		this.capacity = Math.max(1, burst);
		this.tokens = this.capacity;
		this.lastRefillNanos = nowNanos;
		this.lastIncreaseNanos = nowNanos;
	}

	/**
	 * Takes a permit if one is available; a call that gets none counts as demand above the rate.
	 * @param nowNanos the current time
	 * @return whether the call may be sent now
	 */
	boolean tryAcquire(long nowNanos) {
		refill(nowNanos);
		if (this.tokens >= 1) {
			this.tokens -= 1;
			return true;
		}
		this.waitedSinceStep = true;
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
		this.waitedSinceStep = false;
		this.rate = Math.max(this.configuredRate * FLOOR_FRACTION, this.rate * DECREASE_FACTOR);
		// SWF's bucket is empty: sending a burst now would only be throttled again.
		this.tokens = Math.min(this.tokens, 0);
	}

	/**
	 * Returns the rate in force; may be called from any thread.
	 * @return calls per second
	 */
	double currentRate() {
		return this.rate;
	}

	private void refill(long nowNanos) {
		long elapsed = nowNanos - this.lastRefillNanos;
		if (elapsed > 0) {
			this.tokens = Math.min(this.capacity, this.tokens + elapsed * this.rate / SECOND);
			this.lastRefillNanos = nowNanos;
		}
		if (this.rate < this.configuredRate && nowNanos - this.lastIncreaseNanos >= SECOND) {
			if (this.waitedSinceStep) {
				this.rate = Math.min(this.configuredRate, this.rate + this.configuredRate * RECOVERY_FRACTION);
				this.waitedSinceStep = false;
			}
			this.lastIncreaseNanos += (nowNanos - this.lastIncreaseNanos) / SECOND * SECOND;
		}
	}

}
