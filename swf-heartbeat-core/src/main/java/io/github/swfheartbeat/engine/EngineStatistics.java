package io.github.swfheartbeat.engine;

import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import org.jspecify.annotations.Nullable;

/**
 * Counters behind {@link HeartbeatStats}: written by the scheduler thread (active tasks also by
 * callers registering tasks), read by any thread.
 */
final class EngineStatistics {

	/** Enough to tell one failing task from several; the set never grows past it. */
	private static final int MAX_FAILING_TASKS = 100;

	final AtomicInteger activeTasks = new AtomicInteger();

	final AtomicLong heartbeatsSent = new AtomicLong();

	final AtomicLong cancellationsRequested = new AtomicLong();

	final AtomicLong tasksLost = new AtomicLong();

	final SlidingWindowCounter throttled = new SlidingWindowCounter();

	volatile long consecutiveFailures;

	volatile long consecutiveErrors;

	volatile @Nullable Instant lastSuccessAt;

	volatile @Nullable Instant lastNotPermittedAt;

	/** Scheduler thread only: fingerprints of the tasks behind {@link #consecutiveErrors}. */
	private final Set<String> failingTasks = new HashSet<>();

	private volatile int failingTaskCount;

	volatile @Nullable String engineFailure;

	void recordSuccess(Instant at) {
		this.consecutiveFailures = 0;
		this.consecutiveErrors = 0;
		this.failingTasks.clear();
		this.failingTaskCount = 0;
		this.lastSuccessAt = at;
	}

	void recordFailure(FailureKind kind, long nowNanos, Instant at) {
		if (kind == FailureKind.TASK_LOST) {
			// SWF answered; the task is gone, not the service.
			return;
		}
		this.consecutiveFailures++;
		if (kind == FailureKind.THROTTLED) {
			this.throttled.increment(nowNanos);
		}
		else if (kind == FailureKind.NOT_PERMITTED) {
			this.lastNotPermittedAt = at;
		}
	}

	/**
	 * Counts a failed call that got nothing through towards the errors since the last success:
	 * throttling is backpressure, and an UnknownResource answer is about one task, not the service.
	 * @param attempt the call, reported after {@link #recordSuccess} or {@link #recordFailure}
	 */
	void recordAttempt(HeartbeatAttempt attempt) {
		HeartbeatOutcome outcome = attempt.outcome();
		if (outcome.isSuccess() || outcome == HeartbeatOutcome.THROTTLED || outcome == HeartbeatOutcome.TASK_LOST) {
			return;
		}
		this.consecutiveErrors++;
		if (this.failingTasks.size() < MAX_FAILING_TASKS && this.failingTasks.add(attempt.taskTokenFingerprint())) {
			this.failingTaskCount = this.failingTasks.size();
		}
	}

	HeartbeatStats snapshot(long nowNanos, double currentRate, boolean accepting, Iterable<TrackedTask> tasks,
			Map<String, String> discoveryFailures) {
		long earliestDeadline = Long.MAX_VALUE;
		double demand = 0;
		for (TrackedTask task : tasks) {
			if (task.lossReason == null && task.plannedDeadlineNanos != Long.MAX_VALUE) {
				earliestDeadline = Math.min(earliestDeadline, task.plannedDeadlineNanos);
				demand += task.plannedCallsPerSecond;
			}
		}
		Duration smallestSlack = (earliestDeadline != Long.MAX_VALUE)
				? Duration.ofNanos(Math.max(0, earliestDeadline - nowNanos)) : null;
		return new HeartbeatStats(this.activeTasks.get(), this.lastSuccessAt, this.consecutiveFailures,
				this.throttled.sum(nowNanos), currentRate, this.lastNotPermittedAt, this.heartbeatsSent.get(),
				this.cancellationsRequested.get(), this.tasksLost.get(), accepting, discoveryFailures, this.engineFailure,
				this.consecutiveErrors, this.failingTaskCount, smallestSlack, demand);
	}

}
