package io.github.swfheartbeat.benchmarks;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

import io.github.swfheartbeat.engine.HeartbeatEngineSettings;
import io.github.swfheartbeat.test.EmbeddedSwf;
import io.github.swfheartbeat.test.StartedActivity;

/**
 * Cancellation latency: N tasks with a long heartbeat timeout; each gets a RequestCancelActivityTask
 * at a random moment of a window; measured from the request to the moment the approach tells the
 * application (the engine's listener; the baseline's heartbeat answer with
 * {@code cancelRequested=true}). Both approaches run at the same time, each on an endpoint of its
 * own, with the same random moments.
 */
final class CancellationScenario {

	static final Set<String> OPTIONS = Set.of("tasks", "heartbeat-timeout", "max-latency", "window", "baseline-threads");

	private final ScenarioArguments arguments;

	private final int tasks;

	private final Duration heartbeatTimeout;

	private final Duration maxLatency;

	private final Duration window;

	private final int baselineThreads;

	private final HeartbeatEngineSettings settings;

	CancellationScenario(ScenarioArguments arguments) {
		this.arguments = arguments;
		this.tasks = arguments.intValue("tasks", 250);
		this.heartbeatTimeout = arguments.seconds("heartbeat-timeout", Duration.ofSeconds(60));
		this.maxLatency = arguments.seconds("max-latency", Duration.ofSeconds(2));
		this.window = arguments.seconds("window", Duration.ofSeconds(20));
		this.baselineThreads = arguments.intValue("baseline-threads", 8);
		this.settings = HeartbeatEngineSettings.builder().maxCancellationLatency(this.maxLatency).build();
	}

	/**
	 * Latencies one approach showed.
	 */
	record Result(String approach, int requested, int seen, double p50Millis, double p99Millis, double maxMillis,
			double callsPerTaskMinute) {

	}

	ReportSection run() throws InterruptedException, ExecutionException {
		JvmWarmUp.ensure();
		long[] offsets = new Random(42).longs(this.tasks, 0, this.window.toNanos()).toArray();
		CompletableFuture<Result> engine = CompletableFuture.supplyAsync(
				() -> measure(offsets, (swf) -> new EngineKeepAlive(swf, this.settings, this.heartbeatTimeout)),
				BenchmarkThreads.named("cancellation-engine"));
		CompletableFuture<Result> baseline = CompletableFuture.supplyAsync(() -> measure(offsets,
				(swf) -> new ScheduledExecutorBaseline(swf, this.baselineThreads, this.heartbeatTimeout)),
				BenchmarkThreads.named("cancellation-baseline"));
		return report(engine.get(), baseline.get());
	}

	private Result measure(long[] offsets, Function<EmbeddedSwf, KeepAlive> approach) {
		ScheduledExecutorService requests = Executors.newSingleThreadScheduledExecutor((runnable) -> {
			Thread thread = new Thread(runnable, "benchmark-cancel-requests");
			thread.setDaemon(true);
			return thread;
		});
		try (EmbeddedSwf swf = EmbeddedSwf.start(); KeepAlive keepAlive = approach.apply(swf)) {
			BenchmarkTasks tasks = new BenchmarkTasks(swf, this.heartbeatTimeout);
			List<StartedActivity> started = new ArrayList<>();
			for (int i = 0; i < offsets.length; i++) {
				StartedActivity task = tasks.startOne();
				keepAlive.keep(task);
				started.add(task);
			}
			// Requests start once every task has had a few heartbeats and the rhythm has settled.
			long warmUp = Duration.ofSeconds(5).toNanos();
			long start = System.nanoTime();
			Map<String, Long> requestedAt = new ConcurrentHashMap<>();
			for (int i = 0; i < offsets.length; i++) {
				StartedActivity task = started.get(i);
				requests.schedule(() -> {
					long at = System.nanoTime();
					swf.requestCancel(task.scheduled());
					requestedAt.put(task.taskToken(), at);
				}, warmUp + offsets[i], TimeUnit.NANOSECONDS);
			}
			// The baseline learns of a request at its next heartbeat, up to T/3 later.
			long end = start + warmUp + this.window.toNanos() + this.heartbeatTimeout.toNanos() / 3
					+ Duration.ofSeconds(3).toNanos();
			Map<String, Long> seen = keepAlive.log().cancellationsSeen();
			while (System.nanoTime() < end && seen.size() < offsets.length) {
				Thread.sleep(200);
			}
			double minutes = (System.nanoTime() - start) / 60e9;
			long calls = swf.callCount("RecordActivityTaskHeartbeat");
			List<Long> latencies = new ArrayList<>();
			requestedAt.forEach((token, at) -> {
				Long when = seen.get(token);
				if (when != null) {
					latencies.add(Math.max(0, when - at));
				}
			});
			Percentiles percentiles = new Percentiles(latencies);
			Result result = new Result(keepAlive.name(), requestedAt.size(), latencies.size(), percentiles.millis(50),
					percentiles.millis(99), percentiles.maxMillis(), calls / (double) offsets.length / minutes);
			System.out.println("cancellation: " + result);
			return result;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted", ex);
		}
		finally {
			requests.shutdownNow();
		}
	}

	private ReportSection report(Result engine, Result baseline) {
		StringBuilder text = new StringBuilder();
		text.append("## Cancellation latency\n\n");
		text.append(Percentiles.format("%d tasks with heartbeat timeout T = %d s on an unthrottled endpoint; each gets "
				+ "`EmbeddedSwf.requestCancel` (what a decider's RequestCancelActivityTask does) at a random moment of a "
				+ "%d s window. Latency runs from the request to the moment the approach tells the "
				+ "application: the engine's `HeartbeatListener.onCancellationRequested` (where the starter publishes "
				+ "`ActivityCancellationRequestedEvent`), the baseline's heartbeat answer with `cancelRequested=true`. "
				+ "The engine runs with `max-cancellation-latency` L = %d s (everything else default); the baseline "
				+ "heartbeats every T/3 = %d s. Both run at the same time on endpoints of their own, with the same "
				+ "random moments. *calls/task-min* is what the latency costs in heartbeat calls.%n%n", this.tasks,
				this.heartbeatTimeout.toSeconds(), this.window.toSeconds(), this.maxLatency.toSeconds(),
				this.heartbeatTimeout.toSeconds() / 3));
		text.append(ReportSection.provenance(this.arguments.commandLine()));
		text.append("| approach | requests | seen | p50 (ms) | p99 (ms) | max (ms) | configured bound (ms) | calls/task-min |\n");
		text.append("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |\n");
		text.append(row(engine, this.maxLatency.toMillis()));
		text.append(row(baseline, this.heartbeatTimeout.toMillis() / 3));
		text.append(Percentiles.format("%nEngine/baseline: p50 %s, p99 %s; engine p99 against L: %s.%n",
				Percentiles.ratio(engine.p50Millis(), baseline.p50Millis()),
				Percentiles.ratio(engine.p99Millis(), baseline.p99Millis()),
				Percentiles.ratio(engine.p99Millis(), this.maxLatency.toMillis())));
		return new ReportSection("cancellation", text.toString());
	}

	private static String row(Result result, long boundMillis) {
		return Percentiles.format("| %s | %d | %d | %.0f | %.0f | %.0f | %d | %.1f |%n", result.approach(),
				result.requested(), result.seen(), result.p50Millis(), result.p99Millis(), result.maxMillis(), boundMillis,
				result.callsPerTaskMinute());
	}

}
