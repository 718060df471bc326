package io.github.swfheartbeat.benchmarks;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

import io.github.swfheartbeat.engine.HeartbeatEngineSettings;

/**
 * A fleet of worker JVMs on one account: SWF's heartbeat quota (bucket 2,000, refill 160/s) is
 * shared by every worker of an account and region, while each engine's {@code rate-limit} is its
 * own. Runs four workers against one standalone endpoint at a total demand below and above
 * refill × T, each with the defaults (every JVM starts at 150/s and adapts to throttling) and with
 * a static split of the refill rate, and reports tasks kept over time, losses and how each JVM's
 * rate limit settled.
 */
final class FleetScenario {

	static final Set<String> OPTIONS = Set.of("heartbeat-timeout", "trial", "workers", "factors", "refill");

	private final ScenarioArguments arguments;

	private final Duration heartbeatTimeout;

	private final Duration trial;

	private final int workers;

	private final List<Integer> factorsPercent;

	private final double refill;

	FleetScenario(ScenarioArguments arguments) {
		this.arguments = arguments;
		this.heartbeatTimeout = arguments.seconds("heartbeat-timeout", Duration.ofSeconds(20));
		this.trial = arguments.seconds("trial", this.heartbeatTimeout.multipliedBy(10));
		this.workers = arguments.intValue("workers", 4);
		this.factorsPercent = arguments.intList("factors", List.of(90, 120));
		// The quota the standalone endpoint enforces with --throttling: SWF's, for the arithmetic.
		this.refill = arguments.doubleValue("refill", 160);
	}

	ReportSection run() throws InterruptedException, ExecutionException {
		double maximum = this.refill * this.heartbeatTimeout.toSeconds();
		String split = Percentiles.format("%.0f", this.refill / this.workers);
		List<FleetTrial.Result> results = new ArrayList<>();
		for (int percent : this.factorsPercent) {
			int perWorker = (int) Math.round(percent / 100.0 * maximum / this.workers);
			results.add(trial(percent + "% defaults", "default", perWorker).get());
			results.add(trial(percent + "% static " + split, split, perWorker).get());
		}
		return report(results, maximum, split);
	}

	private CompletableFuture<FleetTrial.Result> trial(String name, String rateLimit, int perWorker) {
		FleetTrial trial = new FleetTrial(name, rateLimit, this.workers, perWorker, this.heartbeatTimeout, this.trial);
		return CompletableFuture.supplyAsync(() -> {
			try {
				return trial.run();
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new CompletionException(ex);
			}
		}, BenchmarkThreads.named("fleet-" + rateLimit));
	}

	private ReportSection report(List<FleetTrial.Result> results, double maximum, String split) {
		long seconds = this.heartbeatTimeout.toSeconds();
		StringBuilder text = new StringBuilder();
		text.append("## Fleet: four worker JVMs sharing one account's quota\n\n");
		text.append(Percentiles.format("SWF's heartbeat quota (bucket 2,000, refill %.0f/s) belongs to the account and "
				+ "region, and every worker process of the account draws on it; an engine's `rate-limit` is its own. "
				+ "This scenario starts the standalone embedded endpoint (`EmbeddedSwfMain --throttling`, SWF's "
				+ "account quotas, bucket starting full) and %d worker JVMs (`FleetWorker`, separate `java` processes "
				+ "from the benchmarks jar). A decider in the scenario's JVM schedules each worker's share of the "
				+ "tasks on the worker's own task list (activity type with heartbeat timeout T = %d s); each worker "
				+ "polls them with `PollForActivityTask` over HTTP (the SDK's blocking client, 4 pollers) and hands each "
				+ "to a `HeartbeatEngine` on the non-blocking client with the starter's defaults — heartbeat timeout "
				+ "discovered with `DescribeActivityType`, poll instant from the answer's `Date` header — except "
				+ "`rate-limit`: **defaults** leaves it at %.0f/s in every JVM (adaptive: lowered on throttling), "
				+ "**static** sets it to refill / %d = %s/s. The total demand is a fraction of refill × T = %,.0f "
				+ "tasks. Each case has an endpoint (an account) of its own and runs alone, for %d s (%d T) from the "
				+ "moment the tasks were scheduled; the worker JVMs run with `-XX:+UseSerialGC -XX:TieredStopAtLevel=1` "
				+ "so that five JVMs starting at once on a shared machine compete less for CPU.%n%n", this.refill, this.workers,
				seconds, HeartbeatEngineSettings.builder().build().rateLimit(), this.workers, split, maximum,
				this.trial.toSeconds(), this.trial.toSeconds() / seconds));
		text.append("*kept*: open at the end of the trial, from the workflow histories; *timed out*: "
				+ "`ActivityTaskTimedOut` by the end of the trial; *reported lost*: the engine's `onTaskLost`, counted "
				+ "until one T after the trial; *silent*: timed out and never reported; *calls* and *throttled*: "
				+ "heartbeat calls the engine sent, and of them those SWF throttled; *limit*: the engine's current "
				+ "rate limit (`HeartbeatStats.currentRateLimit`, the `swf.heartbeat.rate.limit` gauge), sampled "
				+ "every second in the second half of the trial: mean, and min–max as its spread.\n\n");
		text.append(ReportSection.provenance(this.arguments.commandLine()));
		text.append("| case | JVM | tasks polled | kept | timed out | reported lost | silent | calls | throttled "
				+ "| limit mean | limit min–max |\n");
		text.append("| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |\n");
		for (FleetTrial.Result result : results) {
			for (int i = 0; i < result.workers().size(); i++) {
				FleetTrial.Worker worker = result.workers().get(i);
				text.append(Percentiles.format("| %s | %d | %,d | %,d | %,d | %,d | %d | %,d | %,d | %.1f | %.1f–%.1f |%n",
						result.name(), i + 1, worker.started(), worker.keptOverTime()[worker.keptOverTime().length - 1],
						worker.timedOut(), worker.reportedLost(), worker.silent(), worker.calls(), worker.throttled(),
						worker.meanLimit(), worker.minLimit(), worker.maxLimit()));
			}
			long calls = result.sumLong(FleetTrial.Worker::calls);
			long throttled = result.sumLong(FleetTrial.Worker::throttled);
			text.append(Percentiles.format("| **%s** | **fleet** | **%,d** | **%,d** (%.2f of refill × T) | %,d | %,d | "
					+ "%d | %,d | %,d (%.1f%%) | %.1f | |%n", result.name(), result.sum(FleetTrial.Worker::started),
					result.kept(), result.kept() / maximum, result.sum(FleetTrial.Worker::timedOut),
					result.sum(FleetTrial.Worker::reportedLost), result.sum(FleetTrial.Worker::silent), calls, throttled,
					(calls > 0) ? 100.0 * throttled / calls : 0, result.workers().stream()
						.mapToDouble(FleetTrial.Worker::meanLimit)
						.sum()));
		}
		text.append("\nTasks alive across the fleet at each T after scheduling (the first polls take a few seconds):\n\n");
		Map<String, long[]> columns = new LinkedHashMap<>();
		results.forEach((result) -> columns.put(result.name(), result.keptOverTime()));
		text.append(KeptOverTime.table(this.heartbeatTimeout, maximum, columns));
		text.append("\nGoals (from issue 16): below the quota every task kept with few throttled calls; above it at "
				+ Percentiles.format("least 0.9 × refill × T = %,.0f kept across the fleet, no silent loss, and each "
						+ "JVM's limit settled.%n%n", 0.9 * maximum));
		text.append("| case | kept / tasks | kept / (refill × T) | silent | throttled / calls | widest limit spread "
				+ "(max − min) / mean | kept, this case / the other configuration |\n");
		text.append("| --- | ---: | ---: | ---: | ---: | ---: | ---: |\n");
		for (int i = 0; i < results.size(); i++) {
			FleetTrial.Result result = results.get(i);
			FleetTrial.Result other = results.get((i % 2 == 0) ? i + 1 : i - 1);
			long calls = result.sumLong(FleetTrial.Worker::calls);
			double spread = result.workers()
				.stream()
				.mapToDouble((worker) -> (worker.maxLimit() - worker.minLimit()) / worker.meanLimit())
				.max()
				.orElse(Double.NaN);
			text.append(Percentiles.format("| %s | %.3f | %.2f | %d | %.3f | %.2f | %s |%n", result.name(),
					(double) result.kept() / result.tasks(), result.kept() / maximum,
					result.sum(FleetTrial.Worker::silent),
					(calls > 0) ? (double) result.sumLong(FleetTrial.Worker::throttled) / calls : 0, spread,
					Percentiles.ratio(result.kept(), other.kept())));
		}
		return new ReportSection("fleet", text.toString());
	}

}
