package io.github.swfheartbeat.benchmarks;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * How many tasks were still alive at each multiple of the heartbeat timeout T of a trial, so that a
 * report shows whether an approach holds its tasks or only lives off SWF's full bucket for a while:
 * sampled while a trial runs, and rendered as a table with the approaches side by side.
 */
final class KeptOverTime {

	private KeptOverTime() {
	}

	/**
	 * Waits for a trial's length, counting the tasks still alive at its start and after each
	 * interval.
	 * @param trial the trial's length
	 * @param interval time between samples
	 * @param alive counts the tasks alive now
	 * @return the counts, the first at the start
	 * @throws InterruptedException if interrupted while waiting
	 */
	static long[] sample(Duration trial, Duration interval, LongSupplier alive) throws InterruptedException {
		int samples = (int) (trial.toNanos() / interval.toNanos());
		long[] counts = new long[samples + 1];
		long start = System.nanoTime();
		counts[0] = alive.getAsLong();
		for (int i = 1; i <= samples; i++) {
			sleepUntil(start + i * interval.toNanos());
			counts[i] = alive.getAsLong();
		}
		sleepUntil(start + trial.toNanos());
		return counts;
	}

	private static void sleepUntil(long nanos) throws InterruptedException {
		long left = nanos - System.nanoTime();
		if (left > 0) {
			Thread.sleep(left / 1_000_000, (int) (left % 1_000_000));
		}
	}

	/**
	 * Renders counts sampled every T as a Markdown table, one column per approach or trial.
	 * @param heartbeatTimeout T, the interval of the samples
	 * @param maximum the physical maximum refill × T, for the fractions of the last row
	 * @param columns the counts by column heading, in the order to show
	 * @return the table
	 */
	static String table(Duration heartbeatTimeout, double maximum, Map<String, long[]> columns) {
		List<long[]> values = List.copyOf(columns.values());
		int rows = values.stream().mapToInt((counts) -> counts.length).max().orElse(0);
		StringBuilder text = new StringBuilder("| time | ");
		text.append(String.join(" | ", columns.keySet())).append(" |\n| ---");
		text.append(" | ---:".repeat(columns.size())).append(" |\n");
		for (int row = 0; row < rows; row++) {
			text.append(Percentiles.format("| %d T (%d s) |", row, row * heartbeatTimeout.toSeconds()));
			for (long[] counts : values) {
				text.append((row < counts.length) ? Percentiles.format(" %,d |", counts[row]) : " – |");
			}
			text.append('\n');
		}
		text.append("| last, / (refill × T) |");
		for (long[] counts : values) {
			text.append((counts.length > 0) ? Percentiles.format(" %.2f |", counts[counts.length - 1] / maximum) : " – |");
		}
		return text.append('\n').toString();
	}

}
