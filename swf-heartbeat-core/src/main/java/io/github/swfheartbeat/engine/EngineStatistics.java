package io.github.swfheartbeat.engine;

import java.time.Instant;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import org.jspecify.annotations.Nullable;

/**
 * Counters behind {@link HeartbeatStats}: written by the scheduler thread (active tasks also by
 * callers registering tasks), read by any thread.
 */
final class EngineStatistics {

	final AtomicInteger activeTasks = new AtomicInteger();

	final AtomicLong heartbeatsSent = new AtomicLong();

	final AtomicLong cancellationsRequested = new AtomicLong();

	final AtomicLong tasksLost = new AtomicLong();

	final SlidingWindowCounter throttled = new SlidingWindowCounter();

	volatile long consecutiveFailures;

	volatile @Nullable Instant lastSuccessAt;

	volatile @Nullable Instant lastNotPermittedAt;

	volatile @Nullable String engineFailure;

	void recordSuccess(Instant at) {
		this.consecutiveFailures = 0;
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

	HeartbeatStats snapshot(long nowNanos, double currentRate, boolean accepting, Map<String, String> discoveryFailures) {
		return new HeartbeatStats(this.activeTasks.get(), this.lastSuccessAt, this.consecutiveFailures,
				this.throttled.sum(nowNanos), currentRate, this.lastNotPermittedAt, this.heartbeatsSent.get(),
				this.cancellationsRequested.get(), this.tasksLost.get(), accepting, this.engineFailure,
				discoveryFailures);
	}

}
