package io.github.swfheartbeat.test.state;

import java.util.concurrent.Future;

/**
 * A timer a StartTimer decision started, open until it fires or a CancelTimer decision cancels it.
 */
final class Timer {

	final WorkflowExecution execution;

	final String timerId;

	final long startedEventId;

	/** When it fires, on the model's clock. */
	final long dueNanos;

	Future<?> future;

	Timer(WorkflowExecution execution, String timerId, long startedEventId, long dueNanos) {
		this.execution = execution;
		this.timerId = timerId;
		this.startedEventId = startedEventId;
		this.dueNanos = dueNanos;
	}

}
