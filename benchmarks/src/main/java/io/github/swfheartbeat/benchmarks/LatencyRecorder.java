package io.github.swfheartbeat.benchmarks;

import java.util.Arrays;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Records call latencies of one measured window into a preallocated array, so recording allocates
 * nothing while the benchmark runs; percentiles are read after the window.
 */
final class LatencyRecorder {

	private final long[] nanos;

	private final AtomicInteger count = new AtomicInteger();

	LatencyRecorder(int capacity) {
		this.nanos = new long[capacity];
	}

	void record(long latencyNanos) {
		int index = this.count.getAndIncrement();
		if (index < this.nanos.length) {
			this.nanos[index] = latencyNanos;
		}
	}

	int count() {
		return this.count.get();
	}

	/**
	 * Returns the latency at a percentile, in milliseconds.
	 */
	double percentileMillis(double percentile) {
		int recorded = Math.min(this.count.get(), this.nanos.length);
		if (recorded == 0) {
			return Double.NaN;
		}
		long[] sorted = Arrays.copyOf(this.nanos, recorded);
		Arrays.sort(sorted);
		int index = (int) Math.ceil(percentile / 100 * recorded) - 1;
		return sorted[Math.max(0, Math.min(recorded - 1, index))] / 1_000_000d;
	}

}
