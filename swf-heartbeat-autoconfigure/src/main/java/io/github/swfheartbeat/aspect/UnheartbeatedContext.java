package io.github.swfheartbeat.aspect;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicReference;

import io.github.swfheartbeat.core.ActivityTaskInfo;
import io.github.swfheartbeat.core.HeartbeatContext;
import io.github.swfheartbeat.core.TaskLossReason;
import io.github.swfheartbeat.core.TaskTokenFingerprint;
import org.jspecify.annotations.Nullable;

/**
 * The context of a task whose heartbeats could not start: the method still finds
 * {@link HeartbeatContext#current()}, which says it is not heartbeated. Details are kept but never
 * sent; no cancellation request or loss is ever learned.
 */
final class UnheartbeatedContext implements HeartbeatContext {

	private final TaskTokenFingerprint.Lazy fingerprint;

	private final ActivityTaskInfo activityTask;

	private final AtomicReference<@Nullable String> details = new AtomicReference<>();

	UnheartbeatedContext(ActivityTaskReference task) {
		this.fingerprint = new TaskTokenFingerprint.Lazy(task.taskToken());
		this.activityTask = task.activityTask();
	}

	@Override
	public boolean isHeartbeated() {
		return false;
	}

	@Override
	public String taskTokenFingerprint() {
		return this.fingerprint.get();
	}

	@Override
	public ActivityTaskInfo activityTask() {
		return this.activityTask;
	}

	@Override
	public void setDetails(@Nullable String details) {
		this.details.set(details);
	}

	@Override
	public @Nullable String details() {
		return this.details.get();
	}

	@Override
	public boolean isCancellationRequested() {
		return false;
	}

	@Override
	public void throwIfCancellationRequested() {
	}

	@Override
	public boolean isLost() {
		return false;
	}

	@Override
	public CompletionStage<Void> whenCancellationRequested() {
		return new CompletableFuture<Void>().minimalCompletionStage();
	}

	@Override
	public CompletionStage<TaskLossReason> whenLost() {
		return new CompletableFuture<TaskLossReason>().minimalCompletionStage();
	}

	@Override
	public String toString() {
		return "HeartbeatContext[" + taskTokenFingerprint() + ", not heartbeated]";
	}

}
