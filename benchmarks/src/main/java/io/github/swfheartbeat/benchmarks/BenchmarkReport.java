package io.github.swfheartbeat.benchmarks;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.function.ToDoubleFunction;

/**
 * The results of the heartbeat throughput scenario as a Markdown section, with the machine and the
 * command that produced them.
 */
final class BenchmarkReport {

	/**
	 * One measured window.
	 */
	record Run(double callsPerSecond, double p50Millis, double p99Millis, long errors) {

	}

	private final BenchmarkOptions options;

	private final Duration openingTime;

	private final List<Run> runs;

	BenchmarkReport(BenchmarkOptions options, Duration openingTime, List<Run> runs) {
		this.options = options;
		this.openingTime = openingTime;
		this.runs = runs;
	}

	ReportSection section() {
		StringBuilder text = new StringBuilder();
		text.append("## Heartbeat throughput of the embedded endpoint\n\n");
		text.append("`RecordActivityTaskHeartbeat` through the real `SwfAsyncClient` (Netty, SDK retries off) against ")
			.append("`EmbeddedSwf` in the same JVM over loopback HTTP, with ")
			.append(this.options.tasks())
			.append(" open activity tasks (heartbeat timeout 30 min, so none times out; the run checks all stay open), ")
			.append(this.options.concurrency())
			.append(" calls in flight, tasks taken round-robin. ")
			.append(this.options.warmupSeconds())
			.append(" s warm-up, then ")
			.append(this.options.runs())
			.append(" windows of ")
			.append(this.options.seconds())
			.append(" s each; the last row is the median of each column. Opening the tasks took ")
			.append(this.openingTime.toMillis())
			.append(" ms.\n\n");
		text.append(ReportSection.provenance("heartbeat-throughput"
				+ (this.options.commandLine().isEmpty() ? "" : " " + this.options.commandLine())));
		text.append("| window | calls/s | p50 latency (ms) | p99 latency (ms) | errors |\n");
		text.append("| --- | ---: | ---: | ---: | ---: |\n");
		for (int i = 0; i < this.runs.size(); i++) {
			Run run = this.runs.get(i);
			text.append(row(Integer.toString(i + 1), run.callsPerSecond(), run.p50Millis(), run.p99Millis(),
					run.errors()));
		}
		text.append(row("**median**", median(Run::callsPerSecond), median(Run::p50Millis), median(Run::p99Millis),
				(long) median((run) -> run.errors())));
		return new ReportSection("heartbeat-throughput", text.toString());
	}

	private static String row(String name, double callsPerSecond, double p50, double p99, long errors) {
		return String.format(Locale.ROOT, "| %s | %.0f | %.2f | %.2f | %d |%n", name, callsPerSecond, p50, p99, errors);
	}

	private double median(ToDoubleFunction<Run> value) {
		List<Double> values = new ArrayList<>();
		this.runs.forEach((run) -> values.add(value.applyAsDouble(run)));
		values.sort(Comparator.naturalOrder());
		int middle = values.size() / 2;
		return (values.size() % 2 == 1) ? values.get(middle) : (values.get(middle - 1) + values.get(middle)) / 2;
	}

}
