package io.github.swfheartbeat.benchmarks;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;

import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * Runs {@link AspectOverheadBenchmark} with JMH and reports the average time per call.
 */
final class AspectOverheadScenario {

	static final Set<String> OPTIONS = Set.of("forks", "warmup-iterations", "iterations", "seconds");

	/** The target for the cost the aspect adds to a call. */
	private static final double TARGET_MICROS = 2.0;

	private final ScenarioArguments arguments;

	private final int forks;

	private final int warmupIterations;

	private final int iterations;

	private final int seconds;

	AspectOverheadScenario(ScenarioArguments arguments) {
		this.arguments = arguments;
		this.forks = arguments.intValue("forks", 2);
		this.warmupIterations = arguments.intValue("warmup-iterations", 5);
		this.iterations = arguments.intValue("iterations", 5);
		this.seconds = arguments.intValue("seconds", 1);
	}

	/**
	 * One benchmark's score.
	 */
	record Score(String benchmark, int tokenLength, double micros, double error) {

	}

	ReportSection run() throws RunnerException {
		Options options = new OptionsBuilder().include(AspectOverheadBenchmark.class.getName() + ".")
			.forks(this.forks)
			.warmupIterations(this.warmupIterations)
			.warmupTime(TimeValue.seconds(this.seconds))
			.measurementIterations(this.iterations)
			.measurementTime(TimeValue.seconds(this.seconds))
			.jvmArgsAppend("-Xmx1g", "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn")
			.build();
		Collection<RunResult> results = new Runner(options).run();
		List<Score> scores = new ArrayList<>();
		for (RunResult result : results) {
			String label = result.getParams().getBenchmark();
			scores.add(new Score(label.substring(label.lastIndexOf('.') + 1),
					Integer.parseInt(result.getParams().getParam("tokenLength")), result.getPrimaryResult().getScore(),
					result.getPrimaryResult().getScoreError()));
		}
		return report(scores);
	}

	private ReportSection report(List<Score> scores) {
		StringBuilder text = new StringBuilder();
		text.append("## Cost of an @HeartbeatingActivity call\n\n");
		text.append(Percentiles.format("JMH (average time per call, 1 thread): an annotated method "
				+ "(`@HeartbeatingActivity(heartbeatTimeout = \"60s\")` with a `@TaskToken String` parameter) called "
				+ "on the plain bean, through an `AspectJProxyFactory` proxy with `HeartbeatingActivityAspect`, and "
				+ "with `HeartbeatTemplate.start(...)`/`close()` around the plain call. The engine runs with its "
				+ "scheduler thread and a transport that answers from memory (no network); with a 60 s timeout no "
				+ "heartbeat is due during a call, so the cost is registering the task, binding its context and "
				+ "releasing it. Token lengths: 68 characters (the embedded endpoint's) and 900 (a long one; SWF "
				+ "allows up to 1,024). "
				+ "%d forks × %d iterations of %d s after %d warm-up iterations; ± is JMH's 99.9%% confidence "
				+ "interval. Every 1,024 calls the benchmark waits until the engine's scheduler thread has processed "
				+ "them, so the time includes the scheduler's share and no backlog builds up. Target: the aspect adds "
				+ "under %.0f µs per call.%n%n", this.forks, this.iterations, this.seconds, this.warmupIterations,
				TARGET_MICROS));
		text.append(ReportSection.provenance(this.arguments.commandLine()));
		text.append("| token length | plain call (µs) | through the aspect (µs) | template start/close (µs) "
				+ "| added by the aspect (µs) | target |\n");
		text.append("| ---: | ---: | ---: | ---: | ---: | --- |\n");
		for (int length : scores.stream().map(Score::tokenLength).distinct().sorted().toList()) {
			Score plain = find(scores, "plainCall", length);
			Score advised = find(scores, "advisedCall", length);
			Score template = find(scores, "templateStartStop", length);
			double added = advised.micros() - plain.micros();
			text.append(Percentiles.format("| %d | %.3f ± %.3f | %.3f ± %.3f | %.3f ± %.3f | %.3f | %s |%n", length,
					plain.micros(), plain.error(), advised.micros(), advised.error(), template.micros(), template.error(),
					added, (added < TARGET_MICROS) ? "met (< 2 µs)" : "missed (≥ 2 µs)"));
		}
		return new ReportSection("aspect-overhead", text.toString());
	}

	private static Score find(List<Score> scores, String benchmark, int tokenLength) {
		return scores.stream()
			.filter((score) -> score.benchmark().equals(benchmark) && score.tokenLength() == tokenLength)
			.findFirst()
			.orElseThrow(() -> new IllegalStateException("No score for " + benchmark));
	}

}
