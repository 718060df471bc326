package io.github.swfheartbeat.benchmarks;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.function.Function;

import io.github.swfheartbeat.test.EmbeddedSwf;
import io.github.swfheartbeat.test.StartedActivity;

/**
 * Demand above the quota: more tasks than refill × T, on the same throttled endpoint as the quota
 * scenario. Counts, per approach, the tasks kept alive, the tasks SWF timed out, the tasks the
 * approach reported lost, and the silent losses: timed out at SWF but never reported.
 */
final class OverloadScenario {

	static final Set<String> OPTIONS = Set.of("heartbeat-timeout", "trial", "bucket", "refill", "factor",
			"baseline-threads");

	private final ScenarioArguments arguments;

	private final QuotaScenario quota;

	private final double factor;

	OverloadScenario(ScenarioArguments arguments) {
		this.arguments = arguments;
		this.quota = new QuotaScenario(arguments.without("factor"));
		this.factor = arguments.doubleValue("factor", 1.5);
	}

	/**
	 * What one approach did with more tasks than the quota allows.
	 */
	record Result(String approach, int tasks, long keptAlive, int timedOut, int reportedLost, int silentlyLost,
			Map<String, Integer> reasons, double firstLossSeconds, double lastLossSeconds, long calls, long recorded,
			long[] keptOverTime) {

	}

	ReportSection run() throws InterruptedException, ExecutionException {
		JvmWarmUp.ensure();
		double maximum = this.quota.settings().rateLimit() * this.quota.heartbeatTimeout().toSeconds();
		int tasks = (int) Math.round(this.factor * maximum);
		CompletableFuture<Result> engine = CompletableFuture.supplyAsync(() -> overload(tasks,
				(swf) -> new EngineKeepAlive(swf, this.quota.settings(), this.quota.heartbeatTimeout())),
				BenchmarkThreads.named("overload-engine"));
		CompletableFuture<Result> baseline = CompletableFuture.supplyAsync(() -> overload(tasks,
				(swf) -> new ScheduledExecutorBaseline(swf, this.quota.baselineThreads(), this.quota.heartbeatTimeout())),
				BenchmarkThreads.named("overload-baseline"));
		return report(engine.get(), baseline.get(), maximum);
	}

	private Result overload(int taskCount, Function<EmbeddedSwf, KeepAlive> approach) {
		try (EmbeddedSwf swf = this.quota.throttledEndpoint(); KeepAlive keepAlive = approach.apply(swf)) {
			BenchmarkTasks tasks = new BenchmarkTasks(swf, this.quota.heartbeatTimeout());
			long start = System.nanoTime();
			for (int i = 0; i < taskCount; i++) {
				keepAlive.keep(tasks.startOne());
			}
			long[] keptOverTime = KeptOverTime.sample(this.quota.trialLength(), this.quota.heartbeatTimeout(),
					tasks::aliveCount);
			// Recorded heartbeats first: calls made while they are counted then count as calls only.
			long recorded = tasks.recordedHeartbeats();
			long calls = swf.callCount("RecordActivityTaskHeartbeat");
			List<StartedActivity> timedOut = tasks.timedOut();
			long kept = tasks.aliveCount();
			// An approach learns of a time-out only from its next call for the task: give it one heartbeat timeout.
			Set<String> unreported = new HashSet<>();
			timedOut.forEach((task) -> unreported.add(task.taskToken()));
			long graceEnd = System.nanoTime() + this.quota.heartbeatTimeout().toNanos();
			while (System.nanoTime() < graceEnd) {
				unreported.removeAll(keepAlive.log().losses().keySet());
				if (unreported.isEmpty()) {
					break;
				}
				Thread.sleep(200);
			}
			Map<String, KeepAliveLog.Loss> losses = Map.copyOf(keepAlive.log().losses());
			Map<String, Integer> reasons = new TreeMap<>();
			losses.values().forEach((loss) -> reasons.merge(loss.reason(), 1, Integer::sum));
			double first = losses.values().stream().mapToLong(KeepAliveLog.Loss::atNanos).min().orElse(start);
			double last = losses.values().stream().mapToLong(KeepAliveLog.Loss::atNanos).max().orElse(start);
			Result result = new Result(keepAlive.name(), taskCount, kept, timedOut.size(), losses.size(),
					unreported.size(), reasons, (first - start) / 1e9, (last - start) / 1e9, calls, recorded,
					keptOverTime);
			System.out.println("overload: " + result);
			return result;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted", ex);
		}
	}

	private ReportSection report(Result engine, Result baseline, double maximum) {
		StringBuilder text = new StringBuilder();
		text.append("## Overload: demand above the quota\n\n");
		text.append(Percentiles.format("The quota scenario's endpoint (%s) and approaches, with N = %.1f × refill × T "
				+ "= %,d tasks (T = %d s) for %d s, all started at once. *kept alive*: open at the end of the trial; "
				+ "*timed out*: closed by SWF for a missed heartbeat by the end of the trial; *reported lost*: the "
				+ "engine's `HeartbeatListener.onTaskLost` (with its `TaskLossReason`: `DEADLINE_PASSED` when it gave "
				+ "a task up without a call, `UNKNOWN_RESOURCE` when SWF answered that it had timed the task out), "
				+ "the baseline's `UnknownResourceException` from a later heartbeat — counted until one more T after "
				+ "the trial, so it also holds tasks that timed out in that time; *silent*: timed out by the end of "
				+ "the trial and never reported. *first/last loss*: seconds after the tasks started; *not "
				+ "recorded*: calls of the trial that SWF throttled or answered `UnknownResource`.%n%n",
				this.quota.quotaDescription(), this.factor, engine.tasks(), this.quota.heartbeatTimeout().toSeconds(),
				this.quota.trialLength().toSeconds()));
		text.append(ReportSection.provenance(this.arguments.commandLine()));
		text.append("| approach | N | kept alive | kept / (refill × T) | timed out | reported lost | silent | reasons "
				+ "| first loss (s) | last loss (s) | heartbeat calls | not recorded |\n");
		text.append("| --- | ---: | ---: | ---: | ---: | ---: | ---: | --- | ---: | ---: | ---: | ---: |\n");
		for (Result result : List.of(engine, baseline)) {
			text.append(Percentiles.format("| %s | %,d | %,d | %.2f | %,d | %,d | %d | %s | %.1f | %.1f | %,d | %,d |%n",
					result.approach(), result.tasks(), result.keptAlive(), result.keptAlive() / maximum,
					result.timedOut(), result.reportedLost(), result.silentlyLost(),
					result.reasons().isEmpty() ? "–" : result.reasons().toString().replaceAll("[{}]", ""),
					result.firstLossSeconds(), result.lastLossSeconds(), result.calls(), result.calls() - result.recorded()));
		}
		text.append(Percentiles.format("%nKept alive, engine/baseline: %s. The engine sends the heartbeats that are due "
				+ "closest to their deadline first; a task whose first try waited past its deadline (plus a round "
				+ "trip, when SWF may still take it) is given up and reported without spending a call, so the calls go "
				+ "to tasks that can still be kept.%n", Percentiles.ratio(engine.keptAlive(), baseline.keptAlive())));
		text.append("\nTasks alive at each T:\n\n");
		Map<String, long[]> columns = new LinkedHashMap<>();
		columns.put("engine", engine.keptOverTime());
		columns.put("baseline", baseline.keptOverTime());
		text.append(KeptOverTime.table(this.quota.heartbeatTimeout(), maximum, columns));
		return new ReportSection("overload", text.toString());
	}

}
