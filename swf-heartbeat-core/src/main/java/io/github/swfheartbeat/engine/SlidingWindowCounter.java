package io.github.swfheartbeat.engine;

import java.util.concurrent.atomic.AtomicLongArray;

/**
 * Counts events in the last 60 seconds with one-second buckets. Written by the scheduler thread,
 * read by any thread.
 */
final class SlidingWindowCounter {

	private static final int SECONDS = 60;

	private static final long SECOND = 1_000_000_000L;

	private final AtomicLongArray counts = new AtomicLongArray(SECONDS);

	private final AtomicLongArray seconds = new AtomicLongArray(SECONDS);

	void increment(long nowNanos) {
		long second = Math.floorDiv(nowNanos, SECOND);
		int index = (int) Math.floorMod(second, SECONDS);
		if (this.seconds.get(index) != second) {
			this.seconds.set(index, second);
			this.counts.set(index, 0);
		}
		this.counts.incrementAndGet(index);
	}

	long sum(long nowNanos) {
		long current = Math.floorDiv(nowNanos, SECOND);
		long total = 0;
		for (int i = 0; i < SECONDS; i++) {
			long second = this.seconds.get(i);
			if (second > current - SECONDS && second <= current) {
				total += this.counts.get(i);
			}
		}
		return total;
	}

}
