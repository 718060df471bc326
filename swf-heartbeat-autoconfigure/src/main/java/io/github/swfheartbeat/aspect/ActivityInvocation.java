package io.github.swfheartbeat.aspect;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.function.Supplier;

import io.github.swfheartbeat.core.ActivityCancellationRequestedException;
import io.github.swfheartbeat.core.HeartbeatContext;
import io.github.swfheartbeat.core.HeartbeatContextHolder;
import io.github.swfheartbeat.core.HeartbeatHandle;
import io.github.swfheartbeat.core.HeartbeatOptions;
import io.github.swfheartbeat.core.HeartbeatTemplate;
import io.github.swfheartbeat.core.TaskTokenFingerprint;
import io.github.swfheartbeat.engine.HeartbeatTransport;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One call of an {@link HeartbeatingActivity @HeartbeatingActivity} method for one task: starts
 * and stops its heartbeats and decides what happens when the call ends because the task's
 * cancellation was requested. Nothing here ever fails the call: a failure of heartbeating is
 * logged and the method runs on.
 */
final class ActivityInvocation {

	private static final Logger logger = LoggerFactory.getLogger(ActivityInvocation.class);

	private final Supplier<HeartbeatTemplate> template;

	private final Supplier<HeartbeatTransport> transport;

	private final ActivityMethod method;

	private final ActivityTaskReference task;

	private final TaskTokenFingerprint.Lazy fingerprint;

	private final boolean nested;

	ActivityInvocation(Supplier<HeartbeatTemplate> template, Supplier<HeartbeatTransport> transport,
			ActivityMethod method, ActivityTaskReference task) {
		this.template = template;
		this.transport = transport;
		this.method = method;
		this.task = task;
		this.fingerprint = new TaskTokenFingerprint.Lazy(task.taskToken());
		HeartbeatContext outer = HeartbeatContextHolder.get();
		// An annotated method called from another one for the same task: the outer call decides.
		this.nested = outer != null && outer.taskTokenFingerprint().equals(fingerprint());
	}

	ActivityMethod method() {
		return this.method;
	}

	String fingerprint() {
		return this.fingerprint.get();
	}

	/**
	 * Starts heartbeating the task; the engine shares the task with any other call for the same
	 * token.
	 * @return the handle, or {@code null} if heartbeats could not be started
	 */
	@Nullable HeartbeatHandle startHeartbeats() {
		HeartbeatOptions options = this.method.options()
			.withActivityTask(this.task.activityTask().withDomainIfAbsent(this.method.domain()));
		try {
			return this.template.get().start(this.task.taskToken(), options);
		}
		catch (RuntimeException ex) {
			logger.warn("Could not start heartbeats for activity task {} of {}; the method runs without them: {}",
					fingerprint(), this.method.description(), ex.toString());
			return null;
		}
	}

	/**
	 * Returns the context to bind for this call: the heartbeats' handle, or, when they could not
	 * start, a context that says the task is not heartbeated.
	 * @param handle the handle, may be {@code null}
	 * @return the context
	 */
	HeartbeatContext context(@Nullable HeartbeatHandle handle) {
		return (handle != null) ? handle : new UnheartbeatedContext(this.task);
	}

	/**
	 * Stops this call's heartbeats.
	 * @param handle the handle, may be {@code null}
	 */
	void stopHeartbeats(@Nullable HeartbeatHandle handle) {
		if (handle == null) {
			return;
		}
		try {
			handle.close();
		}
		catch (RuntimeException ex) {
			logger.warn("Could not stop heartbeats for activity task {}: {}", fingerprint(), ex.toString());
		}
	}

	/**
	 * Whether a call that failed ended because this task's cancellation was requested: the aspect
	 * interrupted or cancelled the work because of the request, or the work threw
	 * {@link ActivityCancellationRequestedException} for this task after SWF asked for it. The
	 * exception from a nested call for another task, or one thrown when SWF never asked, is the
	 * method's own failure.
	 * @param failure what the call ended with
	 * @param stoppedByAspect whether the aspect interrupted or cancelled the work because of a
	 * cancellation request
	 * @param handle the call's heartbeats, may be {@code null}
	 * @return whether the call ended by this task's cancellation
	 */
	boolean endedByCancellation(Throwable failure, boolean stoppedByAspect, @Nullable HeartbeatHandle handle) {
		// Whatever work fails with after the aspect interrupted or cancelled it is the cancellation's doing.
		if (stoppedByAspect) {
			return true;
		}
		return unwrap(failure) instanceof ActivityCancellationRequestedException cancellation
				&& cancellation.getTaskTokenFingerprint().equals(fingerprint()) && handle != null
				&& handle.isCancellationRequested();
	}

	/**
	 * Returns what the call throws when it ended by cancellation, as the framework that found the
	 * task expects it.
	 * @param failure what the method ended with
	 * @return the exception to throw
	 */
	Throwable cancellationFailure(Throwable failure) {
		ActivityTaskLocator locator = this.method.locator();
		if (this.nested || locator == null) {
			return failure;
		}
		try {
			return locator.translateCancellation(failure);
		}
		catch (RuntimeException ex) {
			logger.warn("Could not translate the cancellation of activity task {}: {}", fingerprint(), ex.toString());
			return failure;
		}
	}

	/**
	 * Calls {@code RespondActivityTaskCanceled} if this call is the one that answers for the task
	 * and the method asks for it.
	 * @param failure what the method ended with
	 * @param handle the call's handle, for the last details, may be {@code null}
	 * @return a future completed when the answer was sent or failed; it never completes
	 * exceptionally
	 */
	CompletableFuture<Void> respondCanceled(Throwable failure, @Nullable HeartbeatHandle handle) {
		ActivityTaskLocator locator = this.method.locator();
		if (this.nested || !this.method.respondCanceled() || (locator != null && locator.respondsCanceled())) {
			return CompletableFuture.completedFuture(null);
		}
		String details = (unwrap(failure) instanceof ActivityCancellationRequestedException cancellation)
				? cancellation.getDetails() : (handle != null) ? handle.details() : null;
		CompletableFuture<Void> response;
		try {
			response = this.transport.get().respondCanceled(this.task.taskToken(), details);
		}
		catch (RuntimeException ex) {
			response = CompletableFuture.failedFuture(ex);
		}
		return response.handle((ignored, error) -> {
			if (error != null) {
				logger.warn("Could not respond canceled for activity task {}: {}", fingerprint(),
						unwrap(error).toString());
			}
			else {
				logger.info("Responded canceled for activity task {} of {}", fingerprint(), this.method.description());
			}
			return null;
		});
	}

	static Throwable unwrap(Throwable failure) {
		Throwable current = failure;
		while ((current instanceof CompletionException || current instanceof ExecutionException)
				&& current.getCause() != null) {
			current = current.getCause();
		}
		return current;
	}

}
