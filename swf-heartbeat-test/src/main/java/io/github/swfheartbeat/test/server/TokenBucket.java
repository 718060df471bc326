package io.github.swfheartbeat.test.server;

import java.util.function.LongSupplier;

/**
 * A token bucket refilled continuously: it starts full, each call takes a token, and tokens return
 * at a steady rate up to the bucket's size.
 */
final class TokenBucket {

	private final int size;

	private final double refillPerNano;

	private final LongSupplier nanoClock;

	private double tokens;

	private long refilledAt;

	TokenBucket(int size, double refillPerSecond, LongSupplier nanoClock) {
		if (size < 1 || refillPerSecond < 0) {
			throw new IllegalArgumentException("A bucket needs a size of at least 1 and a refill rate of at least 0");
		}
		this.size = size;
		this.refillPerNano = refillPerSecond / 1_000_000_000d;
		this.nanoClock = nanoClock;
		this.tokens = size;
		this.refilledAt = nanoClock.getAsLong();
	}

	synchronized boolean tryTake() {
		long now = this.nanoClock.getAsLong();
		this.tokens = Math.min(this.size, this.tokens + (now - this.refilledAt) * this.refillPerNano);
		this.refilledAt = now;
		if (this.tokens >= 1) {
			this.tokens -= 1;
			return true;
		}
		return false;
	}

}
