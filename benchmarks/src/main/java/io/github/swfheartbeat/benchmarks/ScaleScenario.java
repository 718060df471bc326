package io.github.swfheartbeat.benchmarks;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.function.ToDoubleFunction;

import io.github.swfheartbeat.engine.HeartbeatEngineSettings;
import io.github.swfheartbeat.test.EmbeddedSwf;

/**
 * Keeps 1,000 and 10,000 tasks alive on an unthrottled embedded endpoint, with the engine and with
 * the baseline one after the other in the same run, and measures each over the same window: the
 * threads it adds, the heap per task, heartbeat calls per task-minute against the minimum of
 * 60/T, lateness, time-outs and client CPU time per heartbeat.
 */
final class ScaleScenario {

	static final Set<String> OPTIONS = Set.of("tasks", "heartbeat-timeout", "window", "baseline-threads", "rate-limit",
			"runs");

	private final ScenarioArguments arguments;

	private final List<Integer> taskCounts;

	private final Duration heartbeatTimeout;

	private final Duration window;

	private final int baselineThreads;

	private final int runs;

	private final HeartbeatEngineSettings settings;

	ScaleScenario(ScenarioArguments arguments) {
		this.arguments = arguments;
		this.taskCounts = arguments.intList("tasks", List.of(1_000, 10_000));
		this.heartbeatTimeout = arguments.seconds("heartbeat-timeout", Duration.ofSeconds(20));
		this.window = arguments.seconds("window", this.heartbeatTimeout.multipliedBy(2));
		this.baselineThreads = arguments.intValue("baseline-threads", 8);
		// The machine is shared: one run's CPU figures can be off by half; report medians of several.
		this.runs = arguments.intValue("runs", 3);
		// As for an account whose quota was raised to 1,000 calls/s: above what 10,000 tasks need.
		this.settings = HeartbeatEngineSettings.builder().rateLimit(arguments.doubleValue("rate-limit", 1_000)).build();
	}

	/**
	 * What one approach did with one number of tasks over the window.
	 */
	record Result(String approach, int tasks, int threads, long heapBytes, long serverHeapBytes, double callsPerTaskMinute,
			double latenessP50Millis, double latenessP99Millis, int timedOut, int reportedLost, long calls,
			double cpuMicrosPerHeartbeat, Map<String, Integer> threadInventory, Map<String, Double> cpuByThread) {

		double heapPerTask() {
			return (double) (this.heapBytes - this.serverHeapBytes) / this.tasks;
		}

	}

	ReportSection run() throws InterruptedException {
		JvmWarmUp.ensure();
		Map<Integer, Long> serverHeaps = new HashMap<>();
		for (int tasks : this.taskCounts) {
			long serverHeap = serverHeap(tasks);
			serverHeaps.put(tasks, serverHeap);
			System.out.printf("scale: %d open tasks take %d KiB of the endpoint's heap%n", tasks, serverHeap / 1024);
		}
		List<List<Result>> allRuns = new ArrayList<>();
		for (int run = 1; run <= this.runs; run++) {
			System.out.printf("scale: run %d of %d%n", run, this.runs);
			List<Result> results = new ArrayList<>();
			for (int tasks : this.taskCounts) {
				long serverHeap = serverHeaps.get(tasks);
				results.add(measure(tasks, serverHeap,
						(swf) -> new EngineKeepAlive(swf, this.settings, this.heartbeatTimeout)));
				results.add(measure(tasks, serverHeap,
						(swf) -> new ScheduledExecutorBaseline(swf, this.baselineThreads, this.heartbeatTimeout)));
			}
			allRuns.add(results);
		}
		return report(allRuns);
	}

	/**
	 * Measures the endpoint's own heap for that many open tasks, to take it out of the approaches'.
	 */
	private long serverHeap(int tasks) {
		try (EmbeddedSwf swf = EmbeddedSwf.start()) {
			BenchmarkTasks opened = new BenchmarkTasks(swf, this.heartbeatTimeout);
			opened.startOne();
			long before = HeapUsage.afterGc();
			opened.start(tasks);
			return HeapUsage.afterGc() - before;
		}
	}

	private Result measure(int taskCount, long serverHeap, Function<EmbeddedSwf, KeepAlive> approach)
			throws InterruptedException {
		try (EmbeddedSwf swf = EmbeddedSwf.start()) {
			// One task opened before the baseline heap so that the endpoint's first-use allocations are in it.
			new BenchmarkTasks(swf, this.heartbeatTimeout).startOne();
			BenchmarkTasks tasks = new BenchmarkTasks(swf, this.heartbeatTimeout);
			long heapBefore = HeapUsage.afterGc();
			int threadsBefore = ClientCpu.clientThreadCount();
			Set<Long> threadIdsBefore = ClientCpu.clientThreadIds();
			try (KeepAlive keepAlive = approach.apply(swf)) {
				// A worker starts heartbeating a task as soon as its poll returns it.
				for (int i = 0; i < taskCount; i++) {
					keepAlive.keep(tasks.startOne());
				}
				System.out.printf("scale: %s keeps %d tasks; warming up for %d s%n", keepAlive.name(), taskCount,
						this.heartbeatTimeout.toSeconds());
				Thread.sleep(this.heartbeatTimeout.toMillis());
				swf.resetCallCounts();
				long expectedCalls = 4L * taskCount * this.window.toSeconds() / this.heartbeatTimeout.toSeconds();
				keepAlive.log().openWindow((int) expectedCalls + 10_000);
				long start = System.nanoTime();
				// CPU time per heartbeat is noisy on a shared machine: take the median over slices of one T
				// each, in which every task heartbeats about once whatever its phase.
				List<Double> cpuPerHeartbeat = new ArrayList<>();
				Map<String, Long> cpuByThread = new TreeMap<>();
				long callsBefore = 0;
				long slices = Math.max(1, this.window.toSeconds() / this.heartbeatTimeout.toSeconds());
				for (int slice = 0; slice < slices; slice++) {
					ClientCpu cpu = ClientCpu.start();
					Thread.sleep(this.window.toMillis() / slices);
					long cpuNanos = cpu.elapsedNanos();
					cpu.elapsedNanosByName().forEach((name, nanos) -> cpuByThread.merge(name, nanos, Long::sum));
					long callsNow = swf.callCount("RecordActivityTaskHeartbeat");
					cpuPerHeartbeat.add(cpuNanos / 1_000d / Math.max(1, callsNow - callsBefore));
					callsBefore = callsNow;
				}
				long calls = callsBefore;
				Map<String, Double> cpuPerHeartbeatByThread = new TreeMap<>();
				cpuByThread.forEach((name, nanos) -> cpuPerHeartbeatByThread.put(name, nanos / 1_000d / Math.max(1, calls)));
				double minutes = (System.nanoTime() - start) / 60e9;
				LatencyRecorder lateness = keepAlive.log().closeWindow();
				int threads = ClientCpu.clientThreadCount() - threadsBefore;
				Map<String, Integer> inventory = ClientCpu.threadsSince(threadIdsBefore);
				long heap = HeapUsage.afterGc() - heapBefore;
				int timedOut = tasks.timedOut().size();
				Result result = new Result(keepAlive.name(), taskCount, threads, heap, serverHeap,
						calls / (double) taskCount / minutes, lateness.percentileMillis(50), lateness.percentileMillis(99),
						timedOut, keepAlive.log().losses().size(), calls, median(cpuPerHeartbeat), inventory,
						cpuPerHeartbeatByThread);
				System.out.println("scale: " + result);
				return result;
			}
		}
	}

	private static double median(List<Double> values) {
		List<Double> sorted = values.stream().sorted().toList();
		int middle = sorted.size() / 2;
		return (sorted.size() % 2 == 1) ? sorted.get(middle) : (sorted.get(middle - 1) + sorted.get(middle)) / 2;
	}

	/**
	 * Returns the median of one figure over the runs of one approach and number of tasks.
	 */
	private static double median(List<List<Result>> runs, int index, ToDoubleFunction<Result> figure) {
		List<Double> values = new ArrayList<>();
		for (List<Result> run : runs) {
			values.add(figure.applyAsDouble(run.get(index)));
		}
		return median(values);
	}

	private static double cpuPerTaskMinute(Result result) {
		return result.cpuMicrosPerHeartbeat() * result.callsPerTaskMinute();
	}

	private ReportSection report(List<List<Result>> runs) {
		List<Result> last = runs.get(runs.size() - 1);
		double minimum = 60.0 / this.heartbeatTimeout.toSeconds();
		StringBuilder text = new StringBuilder();
		text.append("## Scale: engine against the baseline\n\n");
		text.append(Percentiles.format("Each approach keeps N activity tasks alive on an unthrottled `EmbeddedSwf` "
				+ "(an account whose heartbeat quota was raised) with heartbeat timeout T = %d s: a warm-up of T, then "
				+ "a measured window of %d s. The approaches run one after the other in the same JVM, each on a fresh "
				+ "endpoint, engine first. The whole comparison runs %d times in the same JVM; the tables give the "
				+ "median of each figure over the runs, and the ratios are the medians of the ratios within each run.%n%n",
				this.heartbeatTimeout.toSeconds(), this.window.toSeconds(), runs.size()));
		text.append(Percentiles.format("- **engine**: one `HeartbeatEngine` as the starter sets it up: heartbeats over "
				+ "a client of their own (`SwfAsyncClientTransport.withHeartbeatClient`: SDK retries off for the client "
				+ "instead of per call, answers handled on the HTTP client's I/O threads, one timer thread for call "
				+ "timeouts, a Netty event loop group of 1 thread, no Netty read or write timeouts), other calls over "
				+ "the default `SwfAsyncClient`; one "
				+ "handle per task with `withHeartbeatTimeout(T)`, `rate-limit` %.0f/s (an account whose quota was "
				+ "raised above what 10,000 tasks need), burst %d, other settings default.%n",
				this.settings.rateLimit(), this.settings.rateLimitBurst()));
		text.append(Percentiles.format("- **baseline**: `Executors.newScheduledThreadPool(%d)` and one "
				+ "`scheduleAtFixedRate(heartbeat, T/3, T/3)` per task calling the blocking `SwfClient` (SDK defaults: "
				+ "Apache HTTP client, standard retries). %d threads: enough that the pool is not what limits it at "
				+ "10,000 tasks (1,500 calls/s of about 1–5 ms each), few enough to be what applications configure.%n%n",
				this.baselineThreads, this.baselineThreads));
		text.append("How each column is measured:\n\n");
		text.append("- *threads*: live Java threads of the client side at the end of the window minus before the "
				+ "approach was created; the inventory below names them.\n");
		text.append("- *heap/task*: heap in use after full GCs at the end of the window minus before the approach "
				+ "started, less the endpoint's own heap for N open tasks (measured separately), divided by N; it "
				+ "includes the client's fixed cost (SDK client, connection pools) shared by the N tasks. The row "
				+ "*marginal heap/task* below divides the difference between the two N by their difference.\n");
		text.append(Percentiles.format("- *calls/task-min*: `RecordActivityTaskHeartbeat` calls the endpoint received in "
				+ "the window, per task and minute; the minimum that keeps a task alive is 60/T = %.1f.%n", minimum));
		text.append("- *lateness*: how long after its planned time each heartbeat went out (engine: "
				+ "`HeartbeatAttempt.lateness()` against the planned send time; baseline: start of the run against "
				+ "the fixed-rate schedule).\n");
		text.append("- *timed out*: tasks SWF closed during the whole run, warm-up included (must be 0).\n");
		text.append("- *CPU µs/heartbeat*: per-thread CPU time (`ThreadMXBean`) of every client thread over the window, "
				+ "divided by the calls, measured in slices of one T each (each task heartbeats about once per slice) "
				+ "and reported as their median. The endpoint runs in the same JVM; its threads (`embedded-swf-*`, "
				+ "`HTTP-Dispatcher`) and the harness's are left out, and GC and JIT threads are not Java threads, so "
				+ "neither approach is charged for them. *CPU per task-minute* is CPU per heartbeat × calls per "
				+ "task-minute.\n\n");
		text.append(ReportSection.provenance(this.arguments.commandLine()));
		text.append(Percentiles.format("Medians of %d runs:%n%n", runs.size()));
		text.append("| N | approach | threads | heap/task (bytes) | calls/task-min | × minimum | lateness p50 (ms) "
				+ "| lateness p99 (ms) | timed out | CPU µs/heartbeat |\n");
		text.append("| ---: | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |\n");
		for (int i = 0; i < last.size(); i++) {
			Result result = last.get(i);
			double calls = median(runs, i, Result::callsPerTaskMinute);
			text.append(Percentiles.format("| %,d | %s | %.0f | %.0f | %.2f | %.2f | %.1f | %.1f | %.0f | %.1f |%n",
					result.tasks(), result.approach(), median(runs, i, Result::threads),
					median(runs, i, Result::heapPerTask), calls, calls / minimum,
					median(runs, i, Result::latenessP50Millis), median(runs, i, Result::latenessP99Millis),
					median(runs, i, (r) -> r.timedOut()), median(runs, i, Result::cpuMicrosPerHeartbeat)));
		}
		text.append("\nEngine against baseline (median over the runs of the ratio engine/baseline within each run; "
				+ "below 1 is better for the engine):\n\n");
		text.append("| N | threads | heap/task | calls/task-min | lateness p99 | CPU per heartbeat | CPU per task-minute |\n");
		text.append("| ---: | ---: | ---: | ---: | ---: | ---: | ---: |\n");
		for (int i = 0; i + 1 < last.size(); i += 2) {
			int engine = i;
			int baseline = i + 1;
			text.append(Percentiles.format("| %,d | %s | %s | %s | %s | %s | %s |%n", last.get(i).tasks(),
					medianRatio(runs, engine, baseline, Result::threads),
					medianRatio(runs, engine, baseline, Result::heapPerTask),
					medianRatio(runs, engine, baseline, Result::callsPerTaskMinute),
					medianRatio(runs, engine, baseline, Result::latenessP99Millis),
					medianRatio(runs, engine, baseline, Result::cpuMicrosPerHeartbeat),
					medianRatio(runs, engine, baseline, ScaleScenario::cpuPerTaskMinute)));
		}
		text.append("\nEach run (CPU µs per heartbeat, and the ratios within the run):\n\n");
		text.append("| N | run | engine CPU µs/heartbeat | baseline CPU µs/heartbeat | CPU per heartbeat | CPU per task-minute "
				+ "| engine threads | baseline threads |\n");
		text.append("| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |\n");
		for (int i = 0; i + 1 < last.size(); i += 2) {
			for (int run = 0; run < runs.size(); run++) {
				Result engine = runs.get(run).get(i);
				Result baseline = runs.get(run).get(i + 1);
				text.append(Percentiles.format("| %,d | %d | %.1f | %.1f | %s | %s | %d | %d |%n", engine.tasks(), run + 1,
						engine.cpuMicrosPerHeartbeat(), baseline.cpuMicrosPerHeartbeat(),
						Percentiles.ratio(engine.cpuMicrosPerHeartbeat(), baseline.cpuMicrosPerHeartbeat()),
						Percentiles.ratio(cpuPerTaskMinute(engine), cpuPerTaskMinute(baseline)), engine.threads(),
						baseline.threads()));
			}
		}
		if (last.size() == 4) {
			text.append("\nMarginal heap per task, (heap at N₂ − heap at N₁) / (N₂ − N₁), without the fixed cost "
					+ "(medians):\n\n");
			text.append("| approach | marginal heap/task (bytes) |\n| --- | ---: |\n");
			for (int i = 0; i < 2; i++) {
				int small = i;
				int large = i + 2;
				double marginal = median(runs, large, (r) -> r.heapBytes() - r.serverHeapBytes())
						- median(runs, small, (r) -> r.heapBytes() - r.serverHeapBytes());
				text.append(Percentiles.format("| %s | %.0f |%n", last.get(i).approach(),
						marginal / (last.get(large).tasks() - last.get(small).tasks())));
			}
		}
		text.append("\nThread inventory of the last run: the client threads alive at the end of the window that were "
				+ "not before the approach was created, by name (each run of digits shown as `*`).\n\n");
		text.append("| N | approach | threads by name | total |\n| ---: | --- | --- | ---: |\n");
		for (Result result : last) {
			StringBuilder names = new StringBuilder();
			result.threadInventory().forEach((name, count) -> names.append((names.length() > 0) ? ", " : "")
				.append('`').append(name).append("` × ").append(count));
			text.append(Percentiles.format("| %,d | %s | %s | %d |%n", result.tasks(), result.approach(), names,
					result.threadInventory().values().stream().mapToInt(Integer::intValue).sum()));
		}
		text.append("\nCPU µs per heartbeat by thread in the last run (the window's CPU time of each thread, by name, "
				+ "divided by the window's calls; threads under 0.1 µs left out):\n\n");
		text.append("| N | approach | CPU µs per heartbeat by thread |\n| ---: | --- | --- |\n");
		for (Result result : last) {
			StringBuilder names = new StringBuilder();
			result.cpuByThread().forEach((name, micros) -> {
				if (micros >= 0.1) {
					names.append((names.length() > 0) ? ", " : "").append('`').append(name).append("` ")
						.append(Percentiles.format("%.1f", micros));
				}
			});
			text.append(Percentiles.format("| %,d | %s | %s |%n", result.tasks(), result.approach(), names));
		}
		text.append("\nWhat each engine thread does:\n\n");
		text.append("- `swf-heartbeat-scheduler`: the engine's one scheduler thread; plans every task's heartbeats "
				+ "and never blocks. Heartbeats due within 50 ms of each other go out together, so it and the threads "
				+ "below wake once per batch rather than once per call.\n");
		text.append("- `swf-heartbeat-sender-*`: hand calls to the SDK, which resolves credentials, signs and "
				+ "marshals on them; up to 4, started only when none is idle and ended after 10 s idle.\n");
		text.append("- `swf-heartbeat-listener-*`: listener lanes (here the benchmark's listener, which records "
				+ "lateness) and completions of application stages; up to 8, started and ended the same way.\n");
		text.append("- `swf-heartbeat-io-*-*`: the heartbeat client's Netty event loop group, 1 thread; the SDK "
				+ "completes each call's future on it.\n");
		text.append("- `swf-heartbeat-call-timer`: the heartbeat client's timer for call timeouts (`apiCallTimeout`), "
				+ "1 thread where the SDK would start 5.\n");
		text.append("- At most 8 in all (scheduler, 4 senders, 1 listener lane for a listener that keeps up, 1 I/O, "
				+ "1 timer), whatever the number of tasks.\n");
		text.append("- Baseline: `baseline-heartbeat-*` is its pool; `idle-connection-reaper` and "
				+ "`java-sdk-http-connection-reaper` are the Apache HTTP client's.\n");
		return new ReportSection("scale", text.toString());
	}

	/**
	 * Returns the median over the runs of one figure's ratio engine/baseline within each run.
	 */
	private static String medianRatio(List<List<Result>> runs, int engine, int baseline, ToDoubleFunction<Result> figure) {
		List<Double> ratios = new ArrayList<>();
		for (List<Result> run : runs) {
			double denominator = figure.applyAsDouble(run.get(baseline));
			if (denominator != 0) {
				ratios.add(figure.applyAsDouble(run.get(engine)) / denominator);
			}
		}
		return ratios.isEmpty() ? "–" : Percentiles.ratio(median(ratios), 1);
	}

}
