package io.github.swfheartbeat.engine;

import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
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

	/**
	 * Everything else: server errors, I/O errors, time-outs and client errors other than the three
	 * above, such as expired credentials, signature or clock-skew errors and unknown codes. Retried
	 * with backoff until the deadline: a credential blip must not abandon every running task.
	 */
	RETRYABLE(HeartbeatOutcome.ERROR),

	/** ValidationException: SWF rejected the request as malformed; retrying cannot help. */
	REJECTED(HeartbeatOutcome.ERROR);

	private static final String VALIDATION = "ValidationException";

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
			return isValidation(service) ? REJECTED : RETRYABLE;
		}
		return RETRYABLE;
	}

	private static boolean isValidation(AwsServiceException service) {
		AwsErrorDetails details = service.awsErrorDetails();
		return service.statusCode() == 400 && details != null && VALIDATION.equals(details.errorCode());
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
