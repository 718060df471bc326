package io.github.swfheartbeat.core;

/**
 * Why the engine stopped heartbeating a task before its work ended. In every case SWF will not
 * accept the task's result any more, or soon will not.
 */
public enum TaskLossReason {

	/** SWF answered UnknownResource: the task timed out, was closed elsewhere, or the token is stale. */
	UNKNOWN_RESOURCE("SWF no longer knows the task: it timed out, was closed elsewhere, or the token is stale"),

	/** No heartbeat got through before the task's heartbeat timeout ran out. */
	DEADLINE_PASSED("no heartbeat got through before the heartbeat timeout ran out"),

	/** SWF answered OperationNotPermitted: IAM does not allow RecordActivityTaskHeartbeat. */
	NOT_PERMITTED("SWF answered OperationNotPermitted: allow swf:RecordActivityTaskHeartbeat for the domain in IAM"),

	/** SWF rejected the request as invalid; retrying cannot help. */
	REJECTED("SWF rejected the heartbeat request as invalid"),

	/**
	 * The task reached its start-to-close timeout: SWF closes it there whatever its heartbeats,
	 * so none is sent past it.
	 */
	START_TO_CLOSE("the task reached its start-to-close timeout, which heartbeats cannot extend"),

	/** The engine shut down while the task's work was still running; it is no longer heartbeated. */
	SHUTDOWN("the heartbeat engine shut down while the task's work was still running"),

	/** The engine's scheduler failed; no task is heartbeated any more. */
	ENGINE_FAILED("the heartbeat engine failed and heartbeats no task any more");

	private final String description;

	TaskLossReason(String description) {
		this.description = description;
	}

	/**
	 * Returns a sentence describing the reason.
	 * @return the description
	 */
	public String description() {
		return this.description;
	}

}
