package io.github.swfheartbeat.core;

import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;

import org.jspecify.annotations.Nullable;

/**
 * The view an activity's code has of its task while the engine heartbeats it: report progress,
 * and learn whether the workflow asked to cancel the task.
 * <p>
 * Inside an {@code @HeartbeatingActivity} method or a {@link HeartbeatTemplate#execute} callback,
 * {@link #current()} returns the context of the running task. Work handed to other threads sees
 * it when submitted through {@link #wrap(Runnable)}, {@link #wrap(Callable)} or
 * {@link #wrap(Executor)}. All methods are thread-safe.
 */
public interface HeartbeatContext {

	/**
	 * Returns the fingerprint of the task's token (the token itself is never exposed here).
	 * @return the fingerprint
	 */
	String taskTokenFingerprint();

	/**
	 * Returns what is known about the task.
	 * @return the task info
	 */
	ActivityTaskInfo activityTask();

	/**
	 * Sets the progress details that the next heartbeat sends (for example {@code "42%"}). Only
	 * the newest value is sent: updates between two heartbeats cost no extra calls. SWF keeps the
	 * details of the last heartbeat in the {@code ActivityTaskTimedOut} event.
	 * @param details the details, at most 2,048 characters, or {@code null} for none
	 * @throws IllegalArgumentException if the details are too long and the engine is configured
	 * to fail rather than truncate
	 */
	void setDetails(@Nullable String details);

	/**
	 * Returns the details the next heartbeat will send.
	 * @return the details or {@code null}
	 */
	@Nullable String details();

	/**
	 * Whether the engine heartbeats this task. A context that is not heartbeated is bound when
	 * heartbeats could not start (the engine is shutting down or refused the task): the work runs
	 * on, its details go nowhere, and it never learns of a cancellation request.
	 * @return whether the task is heartbeated
	 */
	default boolean isHeartbeated() {
		return true;
	}

	/**
	 * Whether SWF reported that the workflow asked to cancel this task.
	 * @return whether cancellation was requested
	 */
	boolean isCancellationRequested();

	/**
	 * Throws if SWF reported that the workflow asked to cancel this task; call it at points where
	 * the work can stop cleanly.
	 * @throws ActivityCancellationRequestedException if cancellation was requested
	 */
	void throwIfCancellationRequested();

	/**
	 * Whether the engine stopped heartbeating this task because SWF lost it (timed out, closed
	 * elsewhere) or refuses its heartbeats.
	 * @return whether the task is lost
	 */
	boolean isLost();

	/**
	 * Returns a stage completed when cancellation of the task is requested; it never completes
	 * if the work ends first.
	 * @return the stage
	 */
	CompletionStage<Void> whenCancellationRequested();

	/**
	 * Returns a stage completed with the reason when the task is lost; it never completes if the
	 * work ends first.
	 * @return the stage
	 */
	CompletionStage<TaskLossReason> whenLost();

	/**
	 * Returns a runnable that runs {@code task} with this context bound as {@link #current()}.
	 * @param task the work to run on another thread
	 * @return the wrapping runnable
	 */
	default Runnable wrap(Runnable task) {
		Objects.requireNonNull(task, "task must not be null");
		return () -> {
			try (HeartbeatContextHolder.Scope scope = HeartbeatContextHolder.bind(this)) {
				task.run();
			}
		};
	}

	/**
	 * Returns a callable that runs {@code task} with this context bound as {@link #current()}.
	 * @param <V> the result type
	 * @param task the work to run on another thread
	 * @return the wrapping callable
	 */
	default <V> Callable<V> wrap(Callable<V> task) {
		Objects.requireNonNull(task, "task must not be null");
		return () -> {
			try (HeartbeatContextHolder.Scope scope = HeartbeatContextHolder.bind(this)) {
				return task.call();
			}
		};
	}

	/**
	 * Returns an executor that runs every submitted task with this context bound as
	 * {@link #current()}.
	 * @param executor the executor to delegate to
	 * @return the wrapping executor
	 */
	default Executor wrap(Executor executor) {
		Objects.requireNonNull(executor, "executor must not be null");
		return (task) -> executor.execute(wrap(task));
	}

	/**
	 * Returns the context of the task the current thread works for.
	 * @return the context
	 * @throws IllegalStateException if no context is bound to this thread
	 */
	static HeartbeatContext current() {
		HeartbeatContext context = HeartbeatContextHolder.get();
		if (context == null) {
			throw new IllegalStateException("No HeartbeatContext is bound to this thread: call HeartbeatContext.current() "
					+ "inside an @HeartbeatingActivity method or a HeartbeatTemplate.execute callback, and hand it to "
					+ "other threads with HeartbeatContext.wrap(...)");
		}
		return context;
	}

	/**
	 * Returns the context of the task the current thread works for, if any.
	 * @return the context, or empty
	 */
	static Optional<HeartbeatContext> find() {
		return Optional.ofNullable(HeartbeatContextHolder.get());
	}

}
