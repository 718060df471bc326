package io.github.swfheartbeat.test.state;

import java.util.concurrent.Future;

/**
 * A decision task of one execution, scheduled and then started by a decider's poll.
 */
final class DecisionTask {

	final WorkflowExecution execution;

	final long scheduledEventId;

	/** The task list it was scheduled on: the execution's own, or one a decider chose. */
	final String taskList;

	final long scheduledAtNanos;

	/** {@link DurationText#NONE} unless it was scheduled on a task list chosen for a while. */
	final long scheduleToStartTimeout;

	String taskToken;

	long startedEventId;

	long startedAtNanos;

	/** The timer of its current timeout, see {@link DecisionTaskTimeouts}. */
	Future<?> timer;

	DecisionTask(WorkflowExecution execution, long scheduledEventId, String taskList, long scheduledAtNanos,
			long scheduleToStartTimeout) {
		this.execution = execution;
		this.scheduledEventId = scheduledEventId;
		this.taskList = taskList;
		this.scheduledAtNanos = scheduledAtNanos;
		this.scheduleToStartTimeout = scheduleToStartTimeout;
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
