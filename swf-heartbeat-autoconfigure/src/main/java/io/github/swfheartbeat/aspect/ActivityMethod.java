package io.github.swfheartbeat.aspect;

import io.github.swfheartbeat.core.HeartbeatOptions;
import org.jspecify.annotations.Nullable;

/**
 * What the aspect knows about one {@link HeartbeatingActivity @HeartbeatingActivity} method,
 * worked out once: how to find the task of an invocation, the per-task options, and how the
 * method's result ends.
 *
 * @param description the method, for log messages
 * @param taskFinder finds the task of an invocation
 * @param locator the locator that finds the task, when the method's signature does not carry it
 * @param options per-task options (the activity task part is filled in per invocation)
 * @param domain domain named by the annotation, or {@code null}
 * @param interruptOnCancel whether a cancellation request interrupts the work
 * @param respondCanceled whether to respond canceled when the method ends because of cancellation
 * @param resultKind how the method's result ends
 */
record ActivityMethod(String description, TaskFinder taskFinder, @Nullable ActivityTaskLocator locator,
		HeartbeatOptions options, @Nullable String domain, boolean interruptOnCancel, boolean respondCanceled,
		ResultKind resultKind) {

	/**
	 * How an annotated method's result ends, from its declared return type.
	 */
	enum ResultKind {

		/** The work ends when the method returns or throws. */
		BLOCKING,

		/** The work ends when the returned {@code CompletionStage} completes. */
		COMPLETION_STAGE,

		/** The work ends when a subscription to the returned {@code Mono} terminates. */
		MONO,

		/** The work ends when a subscription to the returned {@code Flux} terminates. */
		FLUX

	}

	/**
	 * Finds the task of one invocation.
	 */
	@FunctionalInterface
	interface TaskFinder {

		/**
		 * Returns the task of an invocation.
		 * @param target the bean the method was called on
		 * @param arguments the invocation's arguments
		 * @return the task, or {@code null} if this invocation names none
		 */
		@Nullable ActivityTaskReference find(@Nullable Object target, @Nullable Object[] arguments);

	}

}
