package io.github.swfheartbeat.benchmarks;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.function.Function;

import io.github.swfheartbeat.engine.HeartbeatEngineSettings;
import io.github.swfheartbeat.test.EmbeddedSwf;

/**
 * Finds, for the engine and for the baseline, the largest number of tasks kept alive with zero
 * time-outs while the endpoint enforces SWF's RecordActivityTaskHeartbeat quota, by bisection
 * over trials of several heartbeat timeouts, and reports it as a fraction of the physical maximum
 * refill × T. Each approach has an endpoint of its own (an account of its own), so the two
 * searches run side by side.
 */
final class QuotaScenario {

	static final Set<String> OPTIONS = Set.of("heartbeat-timeout", "trial", "bucket", "refill", "steps",
			"baseline-threads");

	private static final String HEARTBEAT = "RecordActivityTaskHeartbeat";

	private final ScenarioArguments arguments;

	private final Duration heartbeatTimeout;

	private final Duration trial;

	private final int bucket;

	private final double refill;

	private final int steps;

	private final int baselineThreads;

	private final HeartbeatEngineSettings settings;

	QuotaScenario(ScenarioArguments arguments) {
		this.arguments = arguments;
		this.heartbeatTimeout = arguments.seconds("heartbeat-timeout", Duration.ofSeconds(20));
		// Ten T at least: a trial of a few T lives off the bucket's 2,000 free calls and flatters
		// whichever approach sends more.
		this.trial = arguments.seconds("trial", this.heartbeatTimeout.multipliedBy(10));
		this.bucket = arguments.intValue("bucket", 2_000);
		this.refill = arguments.doubleValue("refill", 160);
		this.steps = arguments.intValue("steps", 4);
		this.baselineThreads = arguments.intValue("baseline-threads", 8);
		// As a user configures the engine for the account's quota: the rate limit is SWF's refill rate.
		this.settings = HeartbeatEngineSettings.builder().rateLimit(this.refill).build();
	}

	/**
	 * One trial: N tasks kept for the trial's length, and how many were alive at each T.
	 */
	record Trial(String approach, int tasks, double fraction, int timedOut, int reportedLost, long calls,
			long recorded, long[] kept) {

		boolean passed() {
			return this.timedOut == 0 && this.reportedLost == 0;
		}

	}

	ReportSection run() throws InterruptedException, ExecutionException {
		JvmWarmUp.ensure();
		double maximum = this.refill * this.heartbeatTimeout.toSeconds();
		CompletableFuture<List<Trial>> engine = CompletableFuture.supplyAsync(() -> search(0.9, maximum,
				(swf) -> new EngineKeepAlive(swf, this.settings, this.heartbeatTimeout)), BenchmarkThreads.named("quota-engine"));
		CompletableFuture<List<Trial>> baseline = CompletableFuture.supplyAsync(() -> search(1 / 3.0, maximum,
				(swf) -> new ScheduledExecutorBaseline(swf, this.baselineThreads, this.heartbeatTimeout)),
				BenchmarkThreads.named("quota-baseline"));
		return report(engine.get(), baseline.get(), maximum);
	}

	/**
	 * Bisects the fraction of the physical maximum between the largest that passed and the
	 * smallest that failed, starting from a first guess.
	 */
	private List<Trial> search(double firstGuess, double maximum, Function<EmbeddedSwf, KeepAlive> approach) {
		List<Trial> trials = new ArrayList<>();
		double passed = 0;
		double failed = 1;
		double fraction = firstGuess;
		for (int step = 0; step < this.steps; step++) {
			Trial trial = trial((int) Math.round(fraction * maximum), fraction, approach);
			trials.add(trial);
			if (trial.passed()) {
				passed = fraction;
			}
			else {
				failed = fraction;
			}
			fraction = (passed + failed) / 2;
		}
		return trials;
	}

	/**
	 * Keeps N tasks alive on a throttled endpoint for the trial's length and counts time-outs.
	 */
	Trial trial(int tasks, double fraction, Function<EmbeddedSwf, KeepAlive> approach) {
		try (EmbeddedSwf swf = throttledEndpoint(); KeepAlive keepAlive = approach.apply(swf)) {
			BenchmarkTasks started = new BenchmarkTasks(swf, this.heartbeatTimeout);
			for (int i = 0; i < tasks; i++) {
				keepAlive.keep(started.startOne());
			}
			long[] kept = KeptOverTime.sample(this.trial, this.heartbeatTimeout, started::aliveCount);
			// Recorded heartbeats first: calls made while they are counted then count as calls only.
			long recorded = started.recordedHeartbeats();
			Trial trial = new Trial(keepAlive.name(), tasks, fraction, started.timedOut().size(),
					keepAlive.log().losses().size(), swf.callCount(HEARTBEAT), recorded, kept);
			System.out.println("quota: " + trial.approach() + " N=" + tasks + " timed out " + trial.timedOut()
					+ ", kept by T " + Arrays.toString(kept));
			return trial;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted", ex);
		}
	}

	EmbeddedSwf throttledEndpoint() {
		return EmbeddedSwf.builder().throttling(HEARTBEAT, this.bucket, this.refill).start();
	}

	Duration heartbeatTimeout() {
		return this.heartbeatTimeout;
	}

	Duration trialLength() {
		return this.trial;
	}

	HeartbeatEngineSettings settings() {
		return this.settings;
	}

	int baselineThreads() {
		return this.baselineThreads;
	}

	String quotaDescription() {
		return Percentiles.format("bucket %,d, refill %.0f/s", this.bucket, this.refill);
	}

	private ReportSection report(List<Trial> engine, List<Trial> baseline, double maximum) {
		StringBuilder text = new StringBuilder();
		text.append("## Quota: tasks kept alive within SWF's heartbeat quota\n\n");
		text.append(Percentiles.format("The endpoint enforces SWF's account quota for `RecordActivityTaskHeartbeat`, "
				+ "%s, unscaled; the bucket starts full, as SWF's does after a quiet period. Heartbeat timeout T = %d s, "
				+ "so the physical maximum is refill × T = %.0f tasks, each heartbeating exactly once per T. A trial "
				+ "starts N tasks (each is heartbeated from the moment it starts, as a worker does after its poll) and "
				+ "keeps them for %d s (%d T); it passes when SWF timed out none and the approach reported none lost. "
				+ "Each approach gets %d trials, bisecting between the largest N that passed and the smallest that "
				+ "failed, starting from %.0f%% (engine) and 33%% (baseline). The two searches run at the same time, "
				+ "each on an endpoint (an account) of its own.%n%n", quotaDescription(),
				this.heartbeatTimeout.toSeconds(), maximum, this.trial.toSeconds(),
				this.trial.toSeconds() / this.heartbeatTimeout.toSeconds(), this.steps, 90.0));
		text.append(Percentiles.format("- **engine**, configured as a user would for this quota: `rate-limit` = the "
				+ "refill rate, %.0f/s; everything else default (`rate-limit-burst` %d, `min-safety-margin` %s, retry "
				+ "backoff from %s).%n", this.settings.rateLimit(), this.settings.rateLimitBurst(),
				this.settings.minSafetyMargin().toMillis() + " ms", this.settings.retryInitialBackoff().toMillis() + " ms"));
		text.append(Percentiles.format("- **baseline**: `Executors.newScheduledThreadPool(%d)`, one "
				+ "`scheduleAtFixedRate` per task every T/3 on the blocking `SwfClient` with the SDK's standard "
				+ "retries (which retry throttling with backoff).%n", this.baselineThreads));
		text.append("- A full bucket holds 2,000 calls on top of the refill: over one trial any approach could exceed "
				+ Percentiles.format("the physical maximum by up to %.0f%% for a while. The engine draws on it at most once, "
				+ "by its own `rate-limit-burst`, then keeps to the refill rate; the baseline can draw on all of it. A "
				+ "throttled call takes no token, so the baseline keeps a task as long as one of its calls per T gets "
				+ "through: *not recorded* counts the calls SWF throttled (or answered `UnknownResource`).%n%n",
						100.0 * this.bucket / (this.refill * this.trial.toSeconds())));
		text.append(ReportSection.provenance(this.arguments.commandLine()));
		text.append("| approach | trial | N | fraction of refill × T | timed out | reported lost | heartbeat calls "
				+ "| not recorded (throttled or too late) | result |\n");
		text.append("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |\n");
		appendTrials(text, engine);
		appendTrials(text, baseline);
		double engineBest = best(engine);
		double baselineBest = best(baseline);
		text.append("\n| approach | largest N with zero time-outs | fraction of refill × T |\n");
		text.append("| --- | ---: | ---: |\n");
		text.append(Percentiles.format("| engine | %,d | **%.2f** |%n", Math.round(engineBest * maximum), engineBest));
		text.append(Percentiles.format("| baseline | %,d | %.2f |%n", Math.round(baselineBest * maximum), baselineBest));
		text.append(Percentiles.format("| engine/baseline | %s | |%n", Percentiles.ratio(engineBest, baselineBest)));
		text.append("\nTasks alive at each T of every trial (N in the heading):\n\n");
		Map<String, long[]> columns = new LinkedHashMap<>();
		for (List<Trial> trials : List.of(engine, baseline)) {
			for (int i = 0; i < trials.size(); i++) {
				Trial trial = trials.get(i);
				columns.put(Percentiles.format("%s %d (N %,d)", trial.approach(), i + 1, trial.tasks()), trial.kept());
			}
		}
		text.append(KeptOverTime.table(this.heartbeatTimeout, maximum, columns));
		return new ReportSection("quota", text.toString());
	}

	private static void appendTrials(StringBuilder text, List<Trial> trials) {
		for (int i = 0; i < trials.size(); i++) {
			Trial trial = trials.get(i);
			text.append(Percentiles.format("| %s | %d | %,d | %.3f | %d | %d | %,d | %,d | %s |%n", trial.approach(),
					i + 1, trial.tasks(), trial.fraction(), trial.timedOut(), trial.reportedLost(), trial.calls(),
					trial.calls() - trial.recorded(), trial.passed() ? "kept all" : "lost tasks"));
		}
	}

	private static double best(List<Trial> trials) {
		return trials.stream().filter(Trial::passed).mapToDouble(Trial::fraction).max().orElse(0);
	}

}
