package io.github.swfheartbeat.benchmarks;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

/**
 * Runs benchmark scenarios by name and, with {@code --update FILE}, writes each one's section of
 * the results file as soon as it has finished.
 *
 * <pre>
 * java -jar benchmarks/target/benchmarks.jar all [--update docs/benchmarks.md]
 * java -jar benchmarks/target/benchmarks.jar aspect-overhead|scale|quota|overload|cancellation|fleet [options] [--update FILE]
 * java -jar benchmarks/target/benchmarks.jar heartbeat-throughput [--tasks 10000] [--concurrency 64]
 *     [--warmup 30] [--seconds 10] [--runs 5] [--update docs/benchmarks.md]
 * </pre>
 */
public final class BenchmarkMain {

	private static final List<String> ALL = List.of("aspect-overhead", "scale", "quota", "overload", "cancellation",
			"fleet");

	private BenchmarkMain() {
	}

	/**
	 * Runs the scenario the first argument names.
	 * @param args the scenario's name, then its options
	 * @throws Exception if the scenario fails
	 */
	public static void main(String[] args) throws Exception {
		// The engine logs every lost task; the overload scenario loses thousands on purpose.
		System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "error");
		if (args.length == 0) {
			usage();
			return;
		}
		List<String> options = Arrays.asList(args).subList(1, args.length);
		if ("heartbeat-throughput".equals(args[0])) {
			BenchmarkOptions throughput = BenchmarkOptions.parse(options.toArray(new String[0]));
			ReportSection section = new HeartbeatThroughputBenchmark(throughput).run().section();
			publish(section, (throughput.update() != null) ? Path.of(throughput.update()) : null);
			return;
		}
		if ("all".equals(args[0])) {
			ScenarioArguments all = ScenarioArguments.parse("all", options, Set.of());
			for (String scenario : ALL) {
				List<String> scenarioOptions = (all.update() != null) ? List.of("--update", all.update().toString())
						: List.of();
				run(scenario, scenarioOptions);
			}
			return;
		}
		if (!ALL.contains(args[0])) {
			usage();
			return;
		}
		run(args[0], options);
	}

	private static void run(String scenario, List<String> options) throws Exception {
		long start = System.nanoTime();
		System.out.println("== " + scenario);
		ReportSection section = switch (scenario) {
			case "aspect-overhead" -> new AspectOverheadScenario(
					ScenarioArguments.parse(scenario, options, AspectOverheadScenario.OPTIONS)).run();
			case "scale" -> new ScaleScenario(ScenarioArguments.parse(scenario, options, ScaleScenario.OPTIONS)).run();
			case "quota" -> new QuotaScenario(ScenarioArguments.parse(scenario, options, QuotaScenario.OPTIONS)).run();
			case "overload" -> new OverloadScenario(ScenarioArguments.parse(scenario, options, OverloadScenario.OPTIONS))
				.run();
			case "cancellation" -> new CancellationScenario(
					ScenarioArguments.parse(scenario, options, CancellationScenario.OPTIONS)).run();
			case "fleet" -> new FleetScenario(ScenarioArguments.parse(scenario, options, FleetScenario.OPTIONS)).run();
			default -> throw new IllegalArgumentException("Unknown scenario: " + scenario);
		};
		publish(section, updateOption(options));
		System.out.printf("== %s took %d s%n", scenario, (System.nanoTime() - start) / 1_000_000_000L);
	}

	private static Path updateOption(List<String> options) {
		int index = options.indexOf("--update");
		return (index >= 0 && index + 1 < options.size()) ? Path.of(options.get(index + 1)) : null;
	}

	private static void publish(ReportSection section, Path file) {
		System.out.println(section.markdown());
		if (file != null) {
			section.writeTo(file);
			System.out.println("Updated " + file);
		}
	}

	private static void usage() {
		System.err.println("Usage: java -jar benchmarks.jar <scenario> [options] [--update FILE]");
		System.err.println("Scenarios: all (" + String.join(", ", ALL) + "), " + String.join(", ", ALL)
				+ ", heartbeat-throughput");
		System.exit(2);
	}

}
