package io.github.swfheartbeat.engine;

import java.time.Duration;
import java.time.Instant;

/**
 * A clock tests advance by hand.
 */
final class ManualClock implements EngineClock {

	private static final Instant EPOCH = Instant.parse("2026-01-01T00:00:00Z");

	private long nanos = 1_000_000_000_000L;

	private final long start = this.nanos;

	@Override
	public long nanoTime() {
		return this.nanos;
	}

	@Override
	public Instant now() {
		return EPOCH.plusNanos(this.nanos - this.start);
	}

	void advance(Duration duration) {
		this.nanos += duration.toNanos();
	}

	void setNanos(long nanos) {
		this.nanos = Math.max(this.nanos, nanos);
	}

	Duration elapsed() {
		return Duration.ofNanos(this.nanos - this.start);
	}

}
