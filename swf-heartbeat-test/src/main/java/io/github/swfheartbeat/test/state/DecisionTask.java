package io.github.swfheartbeat.test.state;

import java.util.concurrent.Future;

/**
 * A decision task of one execution, scheduled and then started by a decider's poll.
 */
final class DecisionTask {

	final WorkflowExecution execution;

	final long scheduledEventId;

	String taskToken;

	long startedEventId;

	long startedAtNanos;

	Future<?> startToCloseTimer;

	DecisionTask(WorkflowExecution execution, long scheduledEventId) {
		this.execution = execution;
		this.scheduledEventId = scheduledEventId;
	}

	boolean isStarted() {
		return this.taskToken != null;
	}

	/**
	 * Whether a poll may still take this task: it is its execution's current, unstarted decision task.
	 */
	boolean isAvailable() {
		return !isStarted() && this.execution.decisionTask == this && this.execution.isOpen();
	}

}
