package io.github.swfheartbeat.worker;

import java.time.Instant;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicBoolean;

import io.github.swfheartbeat.core.ActivityTaskInfo;
import io.github.swfheartbeat.core.HeartbeatHandle;
import io.github.swfheartbeat.core.TaskLossReason;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.services.swf.model.PollForActivityTaskResponse;

/**
 * One polled task from its poll until its respond call is acknowledged: the heartbeat handle,
 * the progress the work reports and the thread that runs it. Heartbeats run until
 * {@link #stopHeartbeats()}, which the container calls only after the respond call, or when the
 * work stalls.
 */
final class RunningActivityTask implements SwfActivityContext {

	private final PollForActivityTaskResponse task;

	private final SwfActivityEndpoint endpoint;

	private final HeartbeatHandle handle;

	private final Instant polledAt;

	private final long polledAtNanos;

	private volatile long lastProgressNanos;

	private final AtomicBoolean stalled = new AtomicBoolean();

	private @Nullable Thread worker;

	private volatile boolean abandoned;

	RunningActivityTask(PollForActivityTaskResponse task, SwfActivityEndpoint endpoint, HeartbeatHandle handle,
			Instant polledAt, long polledAtNanos) {
		this.task = task;
		this.endpoint = endpoint;
		this.handle = handle;
		this.polledAt = polledAt;
		this.polledAtNanos = polledAtNanos;
		this.lastProgressNanos = polledAtNanos;
	}

	PollForActivityTaskResponse task() {
		return this.task;
	}

	SwfActivityEndpoint endpoint() {
		return this.endpoint;
	}

	Instant polledAt() {
		return this.polledAt;
	}

	long polledAtNanos() {
		return this.polledAtNanos;
	}

	long lastProgressNanos() {
		return this.lastProgressNanos;
	}

	synchronized void runsOn(@Nullable Thread thread) {
		this.worker = thread;
	}

	/**
	 * Interrupts the thread that runs the work, if it still does.
	 */
	synchronized void interruptWork() {
		Thread thread = this.worker;
		if (thread != null) {
			thread.interrupt();
		}
	}

	/**
	 * Marks the task abandoned: shutdown's grace period ended while it ran.
	 */
	void abandon() {
		this.abandoned = true;
	}

	boolean isAbandoned() {
		return this.abandoned;
	}

	/**
	 * Marks the task stalled once.
	 * @return whether this call marked it
	 */
	boolean markStalled() {
		return this.stalled.compareAndSet(false, true);
	}

	boolean isStalled() {
		return this.stalled.get();
	}

	void stopHeartbeats() {
		this.handle.close();
	}

	@Override
	public void reportProgress() {
		this.lastProgressNanos = System.nanoTime();
	}

	@Override
	public String taskTokenFingerprint() {
		return this.handle.taskTokenFingerprint();
	}

	@Override
	public ActivityTaskInfo activityTask() {
		return this.handle.activityTask();
	}

	@Override
	public void setDetails(@Nullable String details) {
		this.handle.setDetails(details);
		reportProgress();
	}

	@Override
	public @Nullable String details() {
		return this.handle.details();
	}

	@Override
	public boolean isCancellationRequested() {
		return this.handle.isCancellationRequested();
	}

	@Override
	public void throwIfCancellationRequested() {
		this.handle.throwIfCancellationRequested();
	}

	@Override
	public boolean isLost() {
		return this.handle.isLost();
	}

	@Override
	public CompletionStage<Void> whenCancellationRequested() {
		return this.handle.whenCancellationRequested();
	}

	@Override
	public CompletionStage<TaskLossReason> whenLost() {
		return this.handle.whenLost();
	}

	@Override
	public String toString() {
		return "RunningActivityTask[" + taskTokenFingerprint() + ", " + this.endpoint.activityType() + "]";
	}

}
