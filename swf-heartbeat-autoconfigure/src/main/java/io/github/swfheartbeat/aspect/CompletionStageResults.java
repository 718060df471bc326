package io.github.swfheartbeat.aspect;

import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Future;

import io.github.swfheartbeat.core.HeartbeatHandle;
import org.jspecify.annotations.Nullable;

/**
 * Heartbeats the task of a method that returns a {@code CompletionStage} until the stage
 * completes.
 */
final class CompletionStageResults {

	private CompletionStageResults() {
	}

	/**
	 * Follows a returned stage. When the method declares {@code CompletionStage} or
	 * {@code CompletableFuture}, the caller gets a future that completes only after the heartbeats
	 * stopped (and, if asked for, canceled was responded), so that a worker that reports the
	 * result at once never races a last heartbeat; cancelling that future cancels the method's.
	 * @param invocation the call
	 * @param handle the call's heartbeats, may be {@code null}
	 * @param result what the method returned, may be {@code null}
	 * @param declaredType the method's declared return type
	 * @return what the caller gets
	 */
	static @Nullable Object follow(ActivityInvocation invocation, @Nullable HeartbeatHandle handle,
			@Nullable Object result, Class<?> declaredType) {
		if (result == null) {
			invocation.stopHeartbeats(handle);
			return null;
		}
		CompletionStage<?> stage = (CompletionStage<?>) result;
		boolean interruptOnCancel = handle != null && invocation.method().interruptOnCancel();
		if (interruptOnCancel) {
			// Off the engine's thread: cancelling runs the stage's dependents, which are the caller's code.
			handle.whenCancellationRequested().thenRunAsync(() -> cancel(stage));
		}
		CompletableFuture<Object> outcome = new CompletableFuture<>();
		stage.whenComplete((value, failure) -> {
			invocation.stopHeartbeats(handle);
			if (failure == null) {
				outcome.complete(value);
			}
			else if (invocation.endedByCancellation(failure, interruptOnCancel && handle.isCancellationRequested()
					&& ActivityInvocation.unwrap(failure) instanceof CancellationException, handle)) {
				invocation.respondCanceled(failure, handle)
					.whenComplete((ignored, error) -> outcome.completeExceptionally(failure));
			}
			else {
				outcome.completeExceptionally(failure);
			}
		});
		if (declaredType != CompletionStage.class && declaredType != CompletableFuture.class) {
			// A stage type of the application's own: hand back its object; heartbeats still stop on completion.
			return stage;
		}
		outcome.whenComplete((value, failure) -> {
			if (outcome.isCancelled()) {
				cancel(stage);
			}
		});
		return outcome;
	}

	private static boolean cancel(CompletionStage<?> stage) {
		if (stage instanceof Future<?> future) {
			return future.cancel(true);
		}
		try {
			return stage.toCompletableFuture().cancel(true);
		}
		catch (UnsupportedOperationException ex) {
			return false;
		}
	}

}
