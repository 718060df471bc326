package io.github.swfheartbeat.benchmarks;

import java.util.Collection;
import java.util.Locale;

/**
 * Percentiles of a set of durations, and the number formats the reports share.
 */
final class Percentiles {

	private final long[] sorted;

	Percentiles(Collection<Long> nanos) {
		this.sorted = nanos.stream().mapToLong(Long::longValue).sorted().toArray();
	}

	int count() {
		return this.sorted.length;
	}

	/**
	 * Returns the value at a percentile in milliseconds, NaN when empty.
	 */
	double millis(double percentile) {
		if (this.sorted.length == 0) {
			return Double.NaN;
		}
		int index = (int) Math.ceil(percentile / 100 * this.sorted.length) - 1;
		return this.sorted[Math.max(0, Math.min(this.sorted.length - 1, index))] / 1_000_000d;
	}

	double maxMillis() {
		return (this.sorted.length == 0) ? Double.NaN : this.sorted[this.sorted.length - 1] / 1_000_000d;
	}

	static String format(String pattern, Object... values) {
		return String.format(Locale.ROOT, pattern, values);
	}

	/**
	 * Formats a ratio as {@code 0.42×}, or {@code –} when it cannot be computed.
	 */
	static String ratio(double numerator, double denominator) {
		if (denominator == 0 || Double.isNaN(numerator) || Double.isNaN(denominator)) {
			return "–";
		}
		double value = numerator / denominator;
		return format((value >= 10) ? "%.0f×" : (value >= 1) ? "%.1f×" : "%.2f×", value);
	}

}
