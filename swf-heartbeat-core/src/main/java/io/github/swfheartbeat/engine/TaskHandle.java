package io.github.swfheartbeat.engine;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

import io.github.swfheartbeat.core.ActivityCancellationRequestedException;
import io.github.swfheartbeat.core.ActivityTaskInfo;
import io.github.swfheartbeat.core.HeartbeatHandle;
import io.github.swfheartbeat.core.TaskLossReason;
import org.jspecify.annotations.Nullable;

/**
 * One caller's handle on a tracked task. Several handles may share a task; the engine stops
 * heartbeating it when the last one closes.
 */
final class TaskHandle implements HeartbeatHandle {

	private final HeartbeatEngine engine;

	private final TrackedTask task;

	private final AtomicBoolean closed = new AtomicBoolean();

	/** This handle's own view of the task's cancellation, created on first use. */
	private final AtomicReference<@Nullable CompletableFuture<Void>> cancellation = new AtomicReference<>();

	TaskHandle(HeartbeatEngine engine, TrackedTask task) {
		this.engine = engine;
		this.task = task;
	}

	@Override
	public String taskTokenFingerprint() {
		return this.task.fingerprint();
	}

	@Override
	public ActivityTaskInfo activityTask() {
		return this.task.info();
	}

	@Override
	public void setDetails(@Nullable String details) {
		this.task.details.set(this.engine.checkDetails(this.task, details));
	}

	@Override
	public @Nullable String details() {
		return this.task.details.get();
	}

	@Override
	public boolean isCancellationRequested() {
		return this.task.cancellationRequested;
	}

	@Override
	public void throwIfCancellationRequested() {
		if (isCancellationRequested()) {
			throw new ActivityCancellationRequestedException(this.task.fingerprint(), this.task.details.get());
		}
	}

	@Override
	public boolean isLost() {
		return this.task.lossReason != null;
	}

	@Override
	public CompletionStage<Void> whenCancellationRequested() {
		CompletableFuture<Void> mine = this.cancellation.get();
		if (mine == null) {
			if (this.closed.get()) {
				return this.task.cancellation.minimalCompletionStage();
			}
			CompletableFuture<Void> created = new CompletableFuture<>();
			if (this.cancellation.compareAndSet(null, created)) {
				this.task.handleCancellations.add(created);
				if (this.task.cancellation.isDone()) {
					// Reported while this handle was registering.
					created.complete(null);
				}
			}
			mine = this.cancellation.get();
		}
		return mine.minimalCompletionStage();
	}

	@Override
	public CompletionStage<TaskLossReason> whenLost() {
		return this.task.loss.minimalCompletionStage();
	}

	@Override
	public void close() {
		if (this.closed.compareAndSet(false, true)) {
			CompletableFuture<Void> mine = this.cancellation.get();
			if (mine != null) {
				this.task.handleCancellations.remove(mine);
			}
			this.engine.release(this.task);
		}
	}

	@Override
	public String toString() {
		return "HeartbeatHandle[" + this.task.fingerprint() + (this.closed.get() ? ", closed" : "") + "]";
	}

}
