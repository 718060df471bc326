package io.github.swfheartbeat.core;

import org.jspecify.annotations.Nullable;

/**
 * Thrown by {@link HeartbeatContext#throwIfCancellationRequested()} when the workflow asked to
 * cancel the activity task. Activity code lets it propagate (after cleaning up) so the worker can
 * report the task as canceled with {@code RespondActivityTaskCanceled}.
 */
public class ActivityCancellationRequestedException extends RuntimeException {

	private static final long serialVersionUID = 1L;

	private final String taskTokenFingerprint;

	private final @Nullable String details;

	/**
	 * Creates the exception.
	 * @param taskTokenFingerprint fingerprint of the canceled task's token
	 * @param details the task's last heartbeat details, may be {@code null}
	 */
	public ActivityCancellationRequestedException(String taskTokenFingerprint, @Nullable String details) {
		super("Cancellation of activity task " + taskTokenFingerprint + " was requested");
		this.taskTokenFingerprint = taskTokenFingerprint;
		this.details = details;
	}

	/**
	 * Returns the fingerprint of the task's token.
	 * @return the fingerprint
	 */
	public String getTaskTokenFingerprint() {
		return this.taskTokenFingerprint;
	}

	/**
	 * Returns the task's last heartbeat details, which may be sent with
	 * {@code RespondActivityTaskCanceled}.
	 * @return the details or {@code null}
	 */
	public @Nullable String getDetails() {
		return this.details;
	}

}
