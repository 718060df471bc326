package io.github.swfheartbeat.worker;

import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.swf.SwfClient;
import software.amazon.awssdk.services.swf.model.OperationNotPermittedException;
import software.amazon.awssdk.services.swf.model.SwfException;
import software.amazon.awssdk.services.swf.model.UnknownResourceException;

/**
 * Tells SWF how a task ended, retrying with backoff while the task is alive: its heartbeats go on
 * meanwhile, so an outage longer than the SDK's own retries does not cost the task. Only SWF's
 * answers that retrying cannot change end the attempts: the task is unknown (lost), the call is
 * not permitted, or the request is invalid.
 */
final class ActivityResponder {

	private static final Logger logger = LoggerFactory.getLogger(ActivityResponder.class);

	/** SWF's limits on RespondActivityTaskFailed. */
	static final int MAX_REASON_LENGTH = 256;

	static final int MAX_DETAILS_LENGTH = 32_768;

	/** SWF's limit on a task's result. */
	static final int MAX_RESULT_LENGTH = 32_768;

	private final SwfClient swf;

	private final String identity;

	private final Backoff backoff;

	ActivityResponder(SwfClient swf, String identity, Backoff backoff) {
		this.swf = swf;
		this.identity = identity;
		this.backoff = backoff;
	}

	String identity() {
		return this.identity;
	}

	/**
	 * Responds completed.
	 * @param running the task
	 * @param result the result, at most 32,768 characters, or {@code null}
	 * @param abandon whether to give up retrying (shutdown's grace period is over)
	 * @return how the task ended
	 */
	ActivityTaskOutcome completed(RunningActivityTask running, String result, BooleanSupplier abandon) {
		return respond(running, ActivityTaskOutcome.COMPLETED, abandon, (swf) -> swf.respondActivityTaskCompleted(
				(request) -> request.taskToken(running.task().taskToken()).result(result)));
	}

	ActivityTaskOutcome failed(RunningActivityTask running, String reason, String details, BooleanSupplier abandon) {
		String safeReason = truncate(scrub(reason, running), MAX_REASON_LENGTH);
		String safeDetails = truncate(scrub(details, running), MAX_DETAILS_LENGTH);
		return respond(running, ActivityTaskOutcome.FAILED, abandon, (swf) -> swf.respondActivityTaskFailed(
				(request) -> request.taskToken(running.task().taskToken()).reason(safeReason).details(safeDetails)));
	}

	ActivityTaskOutcome canceled(RunningActivityTask running, String details, BooleanSupplier abandon) {
		String safeDetails = truncate(scrub(details, running), MAX_DETAILS_LENGTH);
		return respond(running, ActivityTaskOutcome.CANCELED, abandon, (swf) -> swf.respondActivityTaskCanceled(
				(request) -> request.taskToken(running.task().taskToken()).details(safeDetails)));
	}

	private ActivityTaskOutcome respond(RunningActivityTask running, ActivityTaskOutcome outcome,
			BooleanSupplier abandon, Consumer<SwfClient> call) {
		String task = running.taskTokenFingerprint();
		for (int failures = 0;; failures++) {
			if (running.isLost()) {
				logger.warn("Activity task {} ({}) is lost; not responding {}", task, running.endpoint().activityType(),
						outcome);
				return ActivityTaskOutcome.LOST;
			}
			try {
				call.accept(this.swf);
				return outcome;
			}
			catch (UnknownResourceException ex) {
				logger.warn("SWF no longer knows activity task {} ({}): it timed out or was closed elsewhere", task,
						running.endpoint().activityType());
				return ActivityTaskOutcome.LOST;
			}
			catch (OperationNotPermittedException ex) {
				logger.error("SWF does not permit responding {} for activity task {} ({}): allow it in IAM", outcome,
						task, running.endpoint().activityType());
				return ActivityTaskOutcome.UNRESPONDED;
			}
			catch (SwfException ex) {
				if (isValidationError(ex)) {
					logger.error("SWF rejected responding {} for activity task {} ({}) as invalid: {}", outcome, task,
							running.endpoint().activityType(), scrub(String.valueOf(ex.getMessage()), running));
					return ActivityTaskOutcome.UNRESPONDED;
				}
				if (!pause(running, outcome, abandon, failures + 1, ex)) {
					return ActivityTaskOutcome.UNRESPONDED;
				}
			}
			catch (SdkException ex) {
				if (!pause(running, outcome, abandon, failures + 1, ex)) {
					return ActivityTaskOutcome.UNRESPONDED;
				}
			}
		}
	}

	private boolean pause(RunningActivityTask running, ActivityTaskOutcome outcome, BooleanSupplier abandon,
			int failures, SdkException failure) {
		if (abandon.getAsBoolean()) {
			logger.warn("Gave up responding {} for activity task {} ({}) at shutdown: {}", outcome,
					running.taskTokenFingerprint(), running.endpoint().activityType(), failure.getClass().getSimpleName());
			return false;
		}
		long delay = this.backoff.delay(failures).toMillis();
		logger.info("Responding {} for activity task {} failed ({}); retrying in {} ms while its heartbeats go on",
				outcome, running.taskTokenFingerprint(), failure.getClass().getSimpleName(), delay);
		try {
			Thread.sleep(delay);
			return true;
		}
		catch (InterruptedException ex) {
			// An interrupt (a stall, the end of shutdown's grace period) must not abort the respond
			// call itself: only the abandon condition ends the attempts.
			return !abandon.getAsBoolean();
		}
	}

	private static boolean isValidationError(SwfException ex) {
		return ex.statusCode() == 400 && ex.awsErrorDetails() != null
				&& "ValidationException".equals(ex.awsErrorDetails().errorCode());
	}

	/**
	 * Replaces the task's token in text that goes to SWF, a log or a metric with its fingerprint.
	 */
	static String scrub(String text, RunningActivityTask running) {
		String token = running.task().taskToken();
		return (token == null || token.isEmpty()) ? text : text.replace(token, running.taskTokenFingerprint());
	}

	static String truncate(String text, int max) {
		return (text.length() <= max) ? text : text.substring(0, max);
	}

}
