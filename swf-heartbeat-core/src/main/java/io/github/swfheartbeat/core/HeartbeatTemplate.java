package io.github.swfheartbeat.core;

import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.function.Function;

import org.jspecify.annotations.Nullable;

/**
 * Programmatic API for keeping Amazon SWF activity tasks alive.
 * <ul>
 * <li>{@link #heartbeat(String, String)}: one heartbeat now, returns whether cancellation was
 * requested.</li>
 * <li>{@link #execute(String, HeartbeatCallback)}: runs a callback while the engine heartbeats
 * its task in the background; the callback gets a {@link HeartbeatContext}.</li>
 * <li>{@link #executeAsync(String, HeartbeatOptions, Function)}: the same for work that completes
 * a {@link CompletionStage}.</li>
 * <li>{@link #start(String, HeartbeatOptions)}: a handle to close when asynchronous work
 * ends.</li>
 * </ul>
 * Invalid arguments fail with {@link IllegalArgumentException} before any network call.
 */
public class HeartbeatTemplate {

	private final HeartbeatService service;

	/**
	 * Creates a template.
	 * @param service the engine that sends the heartbeats
	 */
	public HeartbeatTemplate(HeartbeatService service) {
		this.service = Objects.requireNonNull(service, "service must not be null");
	}

	/**
	 * Records one heartbeat without details.
	 * @param taskToken the task's token
	 * @return whether cancellation of the task was requested
	 * @throws ActivityTaskLostException if SWF no longer knows the task
	 * @throws HeartbeatException if the heartbeat could not be recorded
	 */
	public boolean heartbeat(String taskToken) {
		return heartbeat(taskToken, null);
	}

	/**
	 * Records one heartbeat now, waiting for SWF's answer. Transient errors are retried within
	 * the engine's call timeout.
	 * @param taskToken the task's token
	 * @param details progress details, at most 2,048 characters, may be {@code null}
	 * @return whether cancellation of the task was requested
	 * @throws ActivityTaskLostException if SWF no longer knows the task
	 * @throws HeartbeatException if the heartbeat could not be recorded
	 */
	public boolean heartbeat(String taskToken, @Nullable String details) {
		TaskTokens.requireValid(taskToken);
		CompletableFuture<Boolean> result = this.service.heartbeatOnce(taskToken, details, ActivityTaskInfo.unknown());
		try {
			return result.get();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			result.cancel(false);
			throw new HeartbeatException("Interrupted while recording a heartbeat for " + TaskTokenFingerprint.of(taskToken), ex);
		}
		catch (ExecutionException ex) {
			if (ex.getCause() instanceof RuntimeException runtime) {
				throw runtime;
			}
			throw new HeartbeatException("Heartbeat for " + TaskTokenFingerprint.of(taskToken) + " failed", ex.getCause());
		}
	}

	/**
	 * Runs a callback while its task is heartbeated in the background, with default options.
	 * @param <T> the result type
	 * @param taskToken the task's token
	 * @param callback the work
	 * @return the callback's result
	 */
	public <T> T execute(String taskToken, HeartbeatCallback<T> callback) {
		return execute(taskToken, HeartbeatOptions.defaults(), callback);
	}

	/**
	 * Runs a callback while its task is heartbeated in the background. The context is bound as
	 * {@link HeartbeatContext#current()} during the callback; heartbeats stop when it returns or
	 * throws.
	 * @param <T> the result type
	 * @param taskToken the task's token
	 * @param options per-task options
	 * @param callback the work
	 * @return the callback's result
	 */
	public <T> T execute(String taskToken, HeartbeatOptions options, HeartbeatCallback<T> callback) {
		Objects.requireNonNull(callback, "callback must not be null");
		try (HeartbeatHandle handle = start(taskToken, options);
				HeartbeatContextHolder.Scope scope = HeartbeatContextHolder.bind(handle)) {
			return callback.doWithHeartbeat(handle);
		}
	}

	/**
	 * Starts work that completes a stage and heartbeats its task until the stage completes.
	 * @param <T> the result type
	 * @param taskToken the task's token
	 * @param options per-task options
	 * @param work starts the work; the context is bound as {@link HeartbeatContext#current()}
	 * while it runs (not while the stage completes on other threads)
	 * @return a future completed like the work's stage
	 */
	public <T> CompletableFuture<T> executeAsync(String taskToken, HeartbeatOptions options,
			Function<HeartbeatContext, ? extends CompletionStage<T>> work) {
		Objects.requireNonNull(work, "work must not be null");
		HeartbeatHandle handle = start(taskToken, options);
		CompletionStage<T> stage;
		try (HeartbeatContextHolder.Scope scope = HeartbeatContextHolder.bind(handle)) {
			stage = Objects.requireNonNull(work.apply(handle), "work must not return null");
		}
		catch (RuntimeException | Error ex) {
			handle.close();
			throw ex;
		}
		CompletableFuture<T> result = new CompletableFuture<>();
		stage.whenComplete((value, failure) -> {
			handle.close();
			if (failure != null) {
				result.completeExceptionally(unwrap(failure));
			}
			else {
				result.complete(value);
			}
		});
		return result;
	}

	/**
	 * Starts heartbeating a task with default options until the returned handle is closed.
	 * @param taskToken the task's token
	 * @return the handle
	 */
	public HeartbeatHandle start(String taskToken) {
		return start(taskToken, HeartbeatOptions.defaults());
	}

	/**
	 * Starts heartbeating a task until the returned handle is closed; for asynchronous code.
	 * @param taskToken the task's token
	 * @param options per-task options
	 * @return the handle
	 */
	public HeartbeatHandle start(String taskToken, HeartbeatOptions options) {
		TaskTokens.requireValid(taskToken);
		Objects.requireNonNull(options, "options must not be null");
		return this.service.start(taskToken, options);
	}

	private static Throwable unwrap(Throwable failure) {
		if ((failure instanceof CompletionException || failure instanceof ExecutionException) && failure.getCause() != null) {
			return failure.getCause();
		}
		return failure;
	}

}
