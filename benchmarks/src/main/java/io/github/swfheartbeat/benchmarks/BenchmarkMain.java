package io.github.swfheartbeat.benchmarks;

import java.nio.file.Path;
import java.util.Arrays;

/**
 * Runs one benchmark scenario by name.
 *
 * <pre>
 * java -jar benchmarks/target/benchmarks.jar heartbeat-throughput [--tasks 10000] [--concurrency 64]
 *     [--warmup 30] [--seconds 10] [--runs 5] [--update docs/benchmarks.md]
 * </pre>
 */
public final class BenchmarkMain {

	private BenchmarkMain() {
	}

	/**
	 * Runs the scenario the first argument names.
	 * @param args the scenario's name, then its options
	 * @throws Exception if the scenario fails
	 */
	public static void main(String[] args) throws Exception {
		if (args.length == 0 || !"heartbeat-throughput".equals(args[0])) {
			System.err.println("Usage: java -jar benchmarks.jar heartbeat-throughput [--tasks N] [--concurrency N]"
					+ " [--warmup SECONDS] [--seconds SECONDS] [--runs N] [--update FILE]");
			System.exit(2);
			return;
		}
		BenchmarkOptions options = BenchmarkOptions.parse(Arrays.copyOfRange(args, 1, args.length));
		BenchmarkReport report = new HeartbeatThroughputBenchmark(options).run();
		System.out.println(report.markdown());
		if (options.update() != null) {
			report.writeSection(Path.of(options.update()));
			System.out.println("Updated " + options.update());
		}
	}

}
