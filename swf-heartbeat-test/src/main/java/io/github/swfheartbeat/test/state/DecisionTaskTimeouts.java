package io.github.swfheartbeat.test.state;

import io.github.swfheartbeat.test.json.JsonObject;

/**
 * A decision task's two timeouts. START_TO_CLOSE bounds a decider's work on a started task.
 * SCHEDULE_TO_START applies only to a task scheduled on a task list a decider chose for a while
 * (RespondDecisionTaskCompleted's {@code taskList} with {@code taskListScheduleToStartTimeout}):
 * if no decider starts it in time, SWF reverts to the execution's own task list. Either way SWF
 * records DecisionTaskTimedOut and schedules a new decision task.
 */
final class DecisionTaskTimeouts {

	private final SwfModel model;

	private final ModelContext context;

	DecisionTaskTimeouts(SwfModel model) {
		this.model = model;
		this.context = model.context;
	}

	void armScheduleToStart(DecisionTask task) {
		if (task.scheduleToStartTimeout != DurationText.NONE) {
			task.timer = this.context.scheduleTimeout(() -> timeOutIfDue(task), seconds(task.scheduleToStartTimeout));
		}
	}

	void armStartToClose(DecisionTask task) {
		cancel(task);
		long timeout = task.execution.taskStartToCloseTimeout;
		if (timeout != DurationText.NONE) {
			task.timer = this.context.scheduleTimeout(() -> timeOutIfDue(task), seconds(timeout));
		}
	}

	/**
	 * Times out the task if its deadline has passed, whether or not its timer has fired, so that a
	 * call about it is judged at this moment.
	 * @return whether it timed out
	 */
	boolean timeOutIfDue(DecisionTask task) {
		WorkflowExecution execution = task.execution;
		if (execution.decisionTask != task || !execution.isOpen()) {
			return false;
		}
		long deadline;
		String timeoutType;
		if (task.isStarted()) {
			if (execution.taskStartToCloseTimeout == DurationText.NONE) {
				return false;
			}
			deadline = task.startedAtNanos + seconds(execution.taskStartToCloseTimeout);
			timeoutType = "START_TO_CLOSE";
		}
		else {
			if (task.scheduleToStartTimeout == DurationText.NONE) {
				return false;
			}
			deadline = task.scheduledAtNanos + seconds(task.scheduleToStartTimeout);
			timeoutType = "SCHEDULE_TO_START";
		}
		if (this.context.nanoTime() - deadline < 0) {
			return false;
		}
		cancel(task);
		if (task.taskToken != null) {
			this.context.decisionTasksByToken.remove(task.taskToken);
		}
		// Stamped when the deadline passed, not when it was noticed; never before an earlier event.
		execution.append("DecisionTaskTimedOut", new JsonObject().put("timeoutType", timeoutType)
			.put("scheduledEventId", task.scheduledEventId)
			.put("startedEventId", task.startedEventId), execution.notBefore(this.context.timestampAt(deadline)));
		execution.decisionTask = null;
		execution.decisionPending = false;
		if (!task.isStarted()) {
			// SWF reverts the task list override and goes back to the execution's own list.
			execution.decisionTaskListOverride = null;
		}
		this.model.decisions.schedule(execution);
		return true;
	}

	void cancel(DecisionTask task) {
		if (task.timer != null) {
			task.timer.cancel(false);
			task.timer = null;
		}
	}

	private static long seconds(long seconds) {
		return seconds * 1_000_000_000L;
	}

}
