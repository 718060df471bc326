package io.github.swfheartbeat.engine;

/**
 * Result of one {@code RecordActivityTaskHeartbeat} call.
 */
public enum HeartbeatOutcome {

	/** Recorded; no cancellation requested. */
	SUCCESS("success"),

	/** Recorded; SWF reported that cancellation of the task was requested. */
	CANCEL_REQUESTED("cancel_requested"),

	/** SWF no longer knows the task (UnknownResource). */
	TASK_LOST("task_lost"),

	/** SWF throttled the call. */
	THROTTLED("throttled"),

	/** IAM does not permit the call (OperationNotPermitted). */
	NOT_PERMITTED("not_permitted"),

	/** Any other failure: server errors, I/O errors, time-outs, rejected requests. */
	ERROR("error");

	private final String tagValue;

	HeartbeatOutcome(String tagValue) {
		this.tagValue = tagValue;
	}

	/**
	 * Returns the lower-case value used as a metric tag.
	 * @return the tag value
	 */
	public String tagValue() {
		return this.tagValue;
	}

	/**
	 * Whether SWF recorded the heartbeat.
	 * @return whether the call succeeded
	 */
	public boolean isSuccess() {
		return this == SUCCESS || this == CANCEL_REQUESTED;
	}

}
