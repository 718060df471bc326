package io.github.swfheartbeat.worker;

/**
 * How a polled activity task ended for the worker.
 */
public enum ActivityTaskOutcome {

	/** The method returned and SWF acknowledged RespondActivityTaskCompleted. */
	COMPLETED,

	/** The method threw, or its input could not be read, and SWF acknowledged RespondActivityTaskFailed. */
	FAILED,

	/** The method ended after the workflow asked to cancel the task, and SWF acknowledged RespondActivityTaskCanceled. */
	CANCELED,

	/** SWF no longer knew the task (timed out, closed elsewhere) or refused its heartbeats: nothing was responded. */
	LOST,

	/** The work reported no progress within its progress timeout: heartbeats stopped so that SWF times it out. */
	STALLED,

	/** The respond call could not be delivered: SWF refused it, or shutdown's grace period ended first. */
	UNRESPONDED

}
