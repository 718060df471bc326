package io.github.swfheartbeat.worker;

import java.time.Duration;

/**
 * Hears what listener containers do, for metrics and events. Callbacks run on the container's
 * threads and must return quickly; a listener that throws is logged and ignored.
 */
public interface SwfWorkerListener {

	/**
	 * A container started polling.
	 * @param container the container
	 */
	default void containerStarted(SwfActivityContainer container) {
	}

	/**
	 * A poll ended.
	 * @param container the container that polled
	 * @param outcome whether it returned a task, returned none, or failed
	 */
	default void pollEnded(SwfActivityContainer container, PollOutcome outcome) {
	}

	/**
	 * A task ended for the worker.
	 * @param endpoint the method that ran it
	 * @param outcome how it ended
	 * @param duration time from its poll to its end
	 */
	default void taskEnded(SwfActivityEndpoint endpoint, ActivityTaskOutcome outcome, Duration duration) {
	}

	/**
	 * A task's work reported no progress within its progress timeout; its heartbeats stopped.
	 * @param endpoint the method that runs it
	 * @param taskTokenFingerprint the fingerprint of the task's token
	 * @param sinceProgress time since the work last reported progress
	 */
	default void taskStalled(SwfActivityEndpoint endpoint, String taskTokenFingerprint, Duration sinceProgress) {
	}

	/**
	 * What a poll returned.
	 */
	enum PollOutcome {

		/** A task. */
		TASK,

		/** No task within SWF's long-poll time. */
		EMPTY,

		/** An error: the container backs off and polls again. */
		ERROR

	}

}
