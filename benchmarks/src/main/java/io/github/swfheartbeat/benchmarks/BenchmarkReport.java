package io.github.swfheartbeat.benchmarks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.function.ToDoubleFunction;

/**
 * The results of the heartbeat throughput scenario as a Markdown section, with the machine and the
 * command that produced them; it replaces its own earlier section in a file, leaving the rest.
 */
final class BenchmarkReport {

	private static final String START = "<!-- heartbeat-throughput:start -->";

	private static final String END = "<!-- heartbeat-throughput:end -->";

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

	String markdown() {
		StringBuilder text = new StringBuilder();
		text.append(START).append('\n');
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
		text.append("- Machine: ").append(machine()).append('\n');
		text.append("- Date: ").append(LocalDate.now()).append('\n');
		text.append("- Command, from the repository root:\n\n");
		text.append("  ```\n  mvn -B -q -Pbenchmarks -pl benchmarks -am package -DskipTests\n");
		text.append("  java -jar benchmarks/target/benchmarks.jar heartbeat-throughput")
			.append(this.options.commandLine().isEmpty() ? "" : " " + this.options.commandLine())
			.append("\n  ```\n\n");
		text.append("| window | calls/s | p50 latency (ms) | p99 latency (ms) | errors |\n");
		text.append("| --- | ---: | ---: | ---: | ---: |\n");
		for (int i = 0; i < this.runs.size(); i++) {
			Run run = this.runs.get(i);
			text.append(row(Integer.toString(i + 1), run.callsPerSecond(), run.p50Millis(), run.p99Millis(),
					run.errors()));
		}
		text.append(row("**median**", median(Run::callsPerSecond), median(Run::p50Millis), median(Run::p99Millis),
				(long) median((run) -> run.errors())));
		text.append(END).append('\n');
		return text.toString();
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

	private static String machine() {
		String cpu = "unknown CPU";
		try {
			cpu = Files.readAllLines(Path.of("/proc/cpuinfo"))
				.stream()
				.filter((line) -> line.startsWith("model name"))
				.map((line) -> line.substring(line.indexOf(':') + 1).trim())
				.findFirst()
				.orElse(cpu);
		}
		catch (IOException | RuntimeException ex) {
			// Not Linux: the processor count and OS still say what ran it.
		}
		Runtime runtime = Runtime.getRuntime();
		return String.format(Locale.ROOT, "%d cores (%s), %s %s, Java %s (%s), max heap %d MiB",
				runtime.availableProcessors(), cpu, System.getProperty("os.name"), System.getProperty("os.arch"),
				System.getProperty("java.version"), System.getProperty("java.vm.name"),
				runtime.maxMemory() / (1024 * 1024));
	}

	/**
	 * Writes the section into a Markdown file: in place of its earlier version, or at the end.
	 */
	void writeSection(Path file) {
		try {
			String section = markdown();
			String content = Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8)
					: "# Benchmarks\n\nResults of the scenario benchmarks in `benchmarks/`, written by the benchmarks themselves.\n\n";
			int start = content.indexOf(START);
			int end = content.indexOf(END);
			if (start >= 0 && end > start) {
				content = content.substring(0, start) + section + content.substring(end + END.length() + 1);
			}
			else {
				content = content + (content.endsWith("\n\n") ? "" : "\n") + section;
			}
			Files.createDirectories(file.toAbsolutePath().getParent());
			Files.writeString(file, content, StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
