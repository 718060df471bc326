package io.github.swfheartbeat.engine;

import java.io.IOException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.RejectedExecutionException;

import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.swf.model.OperationNotPermittedException;
import software.amazon.awssdk.services.swf.model.UnknownResourceException;

/**
 * How the engine treats a failed SWF call.
 */
public enum FailureKind {

	/** UnknownResource: the task timed out, was closed, or the token is stale. Not retried. */
	TASK_LOST(HeartbeatOutcome.TASK_LOST),

	/** OperationNotPermitted: IAM denies the call. Not retried. */
	NOT_PERMITTED(HeartbeatOutcome.NOT_PERMITTED),

	/** ThrottlingException: retried after lowering the rate. */
	THROTTLED(HeartbeatOutcome.THROTTLED),

	/** Server errors, I/O errors and time-outs: retried with backoff within the deadline. */
	RETRYABLE(HeartbeatOutcome.ERROR),

	/** Other client errors (validation): retrying cannot help. */
	REJECTED(HeartbeatOutcome.ERROR);

	private final HeartbeatOutcome outcome;

	FailureKind(HeartbeatOutcome outcome) {
		this.outcome = outcome;
	}

	/**
	 * Returns the outcome reported for a call that failed this way.
	 * @return the outcome
	 */
	public HeartbeatOutcome outcome() {
		return this.outcome;
	}

	/**
	 * Classifies an error from the SDK.
	 * @param failure the error, possibly wrapped in a {@link CompletionException}
	 * @return how to treat it
	 */
	public static FailureKind of(Throwable failure) {
		Throwable error = unwrap(failure);
		if (error instanceof UnknownResourceException) {
			return TASK_LOST;
		}
		if (error instanceof OperationNotPermittedException) {
			return NOT_PERMITTED;
		}
		if (error instanceof AwsServiceException service) {
			if (service.isThrottlingException()) {
				return THROTTLED;
			}
			return (service.statusCode() >= 500 || service.statusCode() == 0) ? RETRYABLE : REJECTED;
		}
		if (error instanceof SdkClientException || error instanceof IOException
				|| error instanceof RejectedExecutionException) {
			return RETRYABLE;
		}
		return RETRYABLE;
	}

	/**
	 * Returns the error inside {@link CompletionException} and {@link ExecutionException} wrappers.
	 * @param failure the error
	 * @return the innermost meaningful error
	 */
	public static Throwable unwrap(Throwable failure) {
		Throwable error = failure;
		while ((error instanceof CompletionException || error instanceof ExecutionException) && error.getCause() != null) {
			error = error.getCause();
		}
		return error;
	}

}
