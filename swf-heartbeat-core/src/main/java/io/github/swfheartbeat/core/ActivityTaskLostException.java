package io.github.swfheartbeat.core;

/**
 * The activity task can no longer be heartbeated: SWF timed it out or closed it, or refuses the
 * heartbeats. Its result will not be accepted.
 */
public class ActivityTaskLostException extends HeartbeatException {

	private static final long serialVersionUID = 1L;

	private final String taskTokenFingerprint;

	private final TaskLossReason reason;

	/**
	 * Creates the exception.
	 * @param taskTokenFingerprint fingerprint of the lost task's token
	 * @param reason why the task is lost
	 * @param cause the underlying error, may be {@code null}
	 */
	public ActivityTaskLostException(String taskTokenFingerprint, TaskLossReason reason, Throwable cause) {
		super("Activity task " + taskTokenFingerprint + " is lost: " + reason.description(), cause);
		this.taskTokenFingerprint = taskTokenFingerprint;
		this.reason = reason;
	}

	/**
	 * Returns the fingerprint of the lost task's token.
	 * @return the fingerprint
	 */
	public String getTaskTokenFingerprint() {
		return this.taskTokenFingerprint;
	}

	/**
	 * Returns why the task is lost.
	 * @return the reason
	 */
	public TaskLossReason getReason() {
		return this.reason;
	}

}
