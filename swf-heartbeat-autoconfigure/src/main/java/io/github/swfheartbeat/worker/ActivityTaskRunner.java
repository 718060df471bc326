package io.github.swfheartbeat.worker;

import java.util.function.BooleanSupplier;

import io.github.swfheartbeat.core.ActivityCancellationRequestedException;
import io.github.swfheartbeat.core.ActivityTaskLostException;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one task's method and decides how SWF is told of its end: completed with the result,
 * failed with a reason, canceled, or nothing for a lost task. The respond call itself, with its
 * retries, is the {@link ActivityResponder}'s.
 */
final class ActivityTaskRunner {

	private static final Logger logger = LoggerFactory.getLogger(ActivityTaskRunner.class);

	/** Reason of the failure responded for work interrupted because it stalled. */
	static final String STALLED_REASON = "Stalled";

	/** Reason of the failure responded for work interrupted at the end of shutdown's grace period. */
	static final String SHUTDOWN_REASON = "Worker stopped";

	private final ActivityResponder responder;

	ActivityTaskRunner(ActivityResponder responder) {
		this.responder = responder;
	}

	/**
	 * Calls the method and responds.
	 * @param running the task
	 * @param invoker calls the method
	 * @param abandon whether to give up retrying the respond call
	 * @return how the task ended
	 */
	ActivityTaskOutcome run(RunningActivityTask running, ActivityMethodInvoker invoker,
			BooleanSupplier abandon) {
		running.runsOn(Thread.currentThread());
		String result;
		try {
			result = invoker.invoke(running);
		}
		catch (Throwable failure) {
			endWork(running);
			return respondToFailure(running, failure, abandon);
		}
		endWork(running);
		if (running.isLost()) {
			return ActivityTaskOutcome.LOST;
		}
		if (result != null && result.length() > ActivityResponder.MAX_RESULT_LENGTH) {
			return this.responder.failed(running, "Result too long", "The result of " + running.endpoint().activityType()
					+ " has " + result.length() + " characters; SWF accepts at most "
					+ ActivityResponder.MAX_RESULT_LENGTH, abandon);
		}
		return this.responder.completed(running, result, abandon);
	}

	private static void endWork(RunningActivityTask running) {
		running.runsOn(null);
		// An interrupt meant for the work (a stall, shutdown) must not abort the respond call.
		Thread.interrupted();
	}

	private ActivityTaskOutcome respondToFailure(RunningActivityTask running, Throwable failure,
			BooleanSupplier abandon) {
		if (failure instanceof ActivityTaskLostException || running.isLost()) {
			return ActivityTaskOutcome.LOST;
		}
		if (failure instanceof ActivityCancellationRequestedException cancellation) {
			return this.responder.canceled(running, detailsOrEmpty(cancellation.getDetails()), abandon);
		}
		if (running.isCancellationRequested()) {
			return this.responder.canceled(running, detailsOrEmpty(running.details()), abandon);
		}
		if (running.isStalled()) {
			return this.responder.failed(running, STALLED_REASON, "No progress reported for "
					+ running.endpoint().progressTimeout() + "; the work was interrupted", abandon);
		}
		if (running.isAbandoned()) {
			return this.responder.failed(running, SHUTDOWN_REASON,
					"The worker stopped before the task ended: shutdown's grace period was over", abandon);
		}
		if (failure instanceof ActivityInputException input) {
			logger.warn("Activity task {} failed: {}", running.taskTokenFingerprint(),
					ActivityResponder.scrub(String.valueOf(input.getMessage()), running));
			return this.responder.failed(running, ActivityInputException.REASON, String.valueOf(input.getMessage()),
					abandon);
		}
		logger.warn("Activity task {} ({}) failed: {}", running.taskTokenFingerprint(),
				running.endpoint().activityType(), ActivityResponder.scrub(failure.toString(), running));
		return this.responder.failed(running, failure.getClass().getSimpleName(), describe(failure), abandon);
	}

	private static String detailsOrEmpty(@Nullable String details) {
		return (details != null) ? details : "";
	}

	private static String describe(Throwable failure) {
		StringBuilder details = new StringBuilder(String.valueOf(failure.getMessage()));
		for (Throwable cause = failure.getCause(); cause != null && cause != failure; cause = cause.getCause()) {
			details.append("\nCaused by: ").append(cause);
			if (cause.getCause() == cause) {
				break;
			}
		}
		return details.toString();
	}

}
