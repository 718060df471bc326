package io.github.swfheartbeat.test.state;

import java.util.concurrent.Future;

import io.github.swfheartbeat.test.json.JsonObject;

/**
 * An activity task from its ActivityTaskScheduled event until it closes.
 */
final class ActivityTask {

	/**
	 * Where a task is in its life.
	 */
	enum Status {

		OPEN, COMPLETED, FAILED, CANCELED, TIMED_OUT, WORKFLOW_CLOSED

	}

	final WorkflowExecution execution;

	final String activityId;

	final JsonObject activityType;

	final String taskList;

	final String input;

	final long scheduledEventId;

	final long scheduleToStartTimeout;

	final long scheduleToCloseTimeout;

	final long startToCloseTimeout;

	final long heartbeatTimeout;

	final long scheduledAtNanos;

	Status status = Status.OPEN;

	String taskToken;

	long startedEventId;

	long startedAtNanos;

	long lastHeartbeatNanos;

	long heartbeatCount;

	String lastDetails;

	boolean cancelRequested;

	long latestCancelRequestedEventId;

	String timeoutType;

	/** The pending timeout check and when it fires; re-armed lazily, see {@link Activities}. */
	Future<?> timer;

	long timerDueNanos;

	ActivityTask(WorkflowExecution execution, String activityId, JsonObject activityType, String taskList, String input,
			long scheduledEventId, long scheduleToStartTimeout, long scheduleToCloseTimeout, long startToCloseTimeout,
			long heartbeatTimeout, long scheduledAtNanos) {
		this.execution = execution;
		this.activityId = activityId;
		this.activityType = activityType;
		this.taskList = taskList;
		this.input = input;
		this.scheduledEventId = scheduledEventId;
		this.scheduleToStartTimeout = scheduleToStartTimeout;
		this.scheduleToCloseTimeout = scheduleToCloseTimeout;
		this.startToCloseTimeout = startToCloseTimeout;
		this.heartbeatTimeout = heartbeatTimeout;
		this.scheduledAtNanos = scheduledAtNanos;
	}

	boolean isOpen() {
		return this.status == Status.OPEN;
	}

	boolean isStarted() {
		return this.taskToken != null;
	}

	boolean isAvailable() {
		return isOpen() && !isStarted();
	}

	/**
	 * Returns the earliest moment one of the task's timeouts runs out, with the timeout's type, or
	 * {@code null} if none applies.
	 */
	Deadline nextDeadline() {
		Deadline next = null;
		if (this.scheduleToCloseTimeout != DurationText.NONE) {
			next = Deadline.earlier(next, this.scheduledAtNanos + seconds(this.scheduleToCloseTimeout),
					"SCHEDULE_TO_CLOSE");
		}
		if (!isStarted()) {
			if (this.scheduleToStartTimeout != DurationText.NONE) {
				next = Deadline.earlier(next, this.scheduledAtNanos + seconds(this.scheduleToStartTimeout),
						"SCHEDULE_TO_START");
			}
			return next;
		}
		if (this.startToCloseTimeout != DurationText.NONE) {
			next = Deadline.earlier(next, this.startedAtNanos + seconds(this.startToCloseTimeout), "START_TO_CLOSE");
		}
		if (this.heartbeatTimeout != DurationText.NONE) {
			next = Deadline.earlier(next, this.lastHeartbeatNanos + seconds(this.heartbeatTimeout), "HEARTBEAT");
		}
		return next;
	}

	private static long seconds(long seconds) {
		return seconds * 1_000_000_000L;
	}

	/**
	 * A moment a timeout of the given type runs out.
	 */
	record Deadline(long nanos, String timeoutType) {

		static Deadline earlier(Deadline current, long nanos, String timeoutType) {
			return (current == null || nanos - current.nanos < 0) ? new Deadline(nanos, timeoutType) : current;
		}

	}

}
