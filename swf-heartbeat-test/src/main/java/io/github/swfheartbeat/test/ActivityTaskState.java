package io.github.swfheartbeat.test;

/**
 * Where an activity task is in its life.
 */
public enum ActivityTaskState {

	/** Scheduled or started, not yet closed. */
	OPEN,

	/** Closed by RespondActivityTaskCompleted. */
	COMPLETED,

	/** Closed by RespondActivityTaskFailed. */
	FAILED,

	/** Closed by RespondActivityTaskCanceled, or cancelled before a worker started it. */
	CANCELED,

	/** Closed by one of its timeouts. */
	TIMED_OUT,

	/** Closed with its workflow execution (completed, terminated, timed out…). */
	WORKFLOW_CLOSED

}
