package io.github.swfheartbeat.engine;

import io.github.swfheartbeat.core.ActivityTaskInfo;
import io.github.swfheartbeat.core.TaskLossReason;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tells the world, once per task, that its cancellation was requested, that it was lost, that it
 * started or ended: a log line with the token's fingerprint, the task's shared state, its stages
 * and the listeners. Used by the scheduler thread only.
 */
final class TaskReporter {

	private static final Logger logger = LoggerFactory.getLogger(HeartbeatScheduler.class);

	private final EngineClock clock;

	private final ListenerDispatcher listeners;

	private final EngineStatistics statistics;

	TaskReporter(EngineClock clock, ListenerDispatcher listeners, EngineStatistics statistics) {
		this.clock = clock;
		this.listeners = listeners;
		this.statistics = statistics;
	}

	void started(TrackedTask task) {
		TaskSnapshot snapshot = snapshot(task);
		this.listeners.dispatch((listener) -> listener.onTaskStarted(snapshot));
	}

	void ended(TrackedTask task) {
		TaskSnapshot snapshot = snapshot(task);
		this.listeners.dispatch((listener) -> listener.onTaskEnded(snapshot));
	}

	void heartbeat(HeartbeatAttempt attempt) {
		this.statistics.recordAttempt(attempt);
		this.listeners.dispatchDroppable((listener) -> listener.onHeartbeat(attempt));
	}

	void cancellationRequested(TrackedTask task) {
		if (task.cancelReported) {
			return;
		}
		task.cancelReported = true;
		task.cancellationRequested = true;
		this.statistics.cancellationsRequested.incrementAndGet();
		logger.info("Cancellation of activity task {} ({}) was requested", task.fingerprint(), describe(task.info()));
		// Dependent stages are application code: never run them on the scheduler thread.
		this.listeners.runOffScheduler(() -> {
			task.cancellation.complete(null);
			task.handleCancellations.forEach((cancellation) -> cancellation.complete(null));
		});
		TaskSnapshot snapshot = snapshot(task);
		this.listeners.dispatch((listener) -> listener.onCancellationRequested(snapshot));
	}

	/**
	 * Reports a task lost.
	 * @param task the task
	 * @param reason why
	 * @param error the error behind it
	 * @param log whether to log it: the caller logs one line for a mass loss instead
	 */
	void lost(TrackedTask task, TaskLossReason reason, Throwable error, boolean log) {
		this.statistics.tasksLost.incrementAndGet();
		if (!log) {
			logger.debug("Activity task {} ({}) is lost: {}", task.fingerprint(), describe(task.info()),
					reason.description());
		}
		else if (reason == TaskLossReason.NOT_PERMITTED) {
			logger.error("Activity task {} ({}) is no longer heartbeated: {} ({})", task.fingerprint(),
					describe(task.info()), reason.description(), FailureKind.unwrap(error).getMessage());
		}
		else {
			logger.warn("Activity task {} ({}) is lost: {} ({})", task.fingerprint(), describe(task.info()),
					reason.description(), FailureKind.unwrap(error).toString());
		}
		task.lossReason = reason;
		this.listeners.runOffScheduler(() -> task.loss.complete(reason));
		TaskSnapshot snapshot = snapshot(task);
		this.listeners.dispatch((listener) -> listener.onTaskLost(snapshot, reason));
	}

	private TaskSnapshot snapshot(TrackedTask task) {
		return new TaskSnapshot(task.token, task.info(), task.details.get(), this.clock.now());
	}

	private static String describe(ActivityTaskInfo info) {
		String type = info.activityType();
		return "activity " + ((info.activityId() != null) ? info.activityId() : "?") + ", type "
				+ ((type != null) ? type : "?");
	}

}
