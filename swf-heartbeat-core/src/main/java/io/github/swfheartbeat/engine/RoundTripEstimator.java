package io.github.swfheartbeat.engine;

/**
 * Smoothed round-trip time of heartbeat calls and its variation, estimated the way TCP does
 * (RFC 6298), so the planner keeps enough time before a deadline for a call and one retry.
 * Used by the scheduler thread only.
 */
final class RoundTripEstimator {

	private long smoothedNanos;

	private long variationNanos;

	private boolean sampled;

	void record(long roundTripNanos) {
		long sample = Math.max(0, roundTripNanos);
		if (!this.sampled) {
			this.smoothedNanos = sample;
			this.variationNanos = sample / 2;
			this.sampled = true;
			return;
		}
		this.variationNanos = (3 * this.variationNanos + Math.abs(this.smoothedNanos - sample)) / 4;
		this.smoothedNanos = (7 * this.smoothedNanos + sample) / 8;
	}

	/**
	 * Whether a round trip has been measured yet.
	 * @return whether {@link #record(long)} was called
	 */
	boolean isMeasured() {
		return this.sampled;
	}

	/**
	 * Returns the smoothed round trip: what a call typically takes.
	 * @return the time in nanoseconds, 0 before the first sample
	 */
	long smoothedNanos() {
		return this.smoothedNanos;
	}

	/**
	 * Returns a round trip that calls rarely exceed: smoothed plus four variations.
	 * @return the time in nanoseconds, 0 before the first sample
	 */
	long upperBoundNanos() {
		return this.smoothedNanos + 4 * this.variationNanos;
	}

}
