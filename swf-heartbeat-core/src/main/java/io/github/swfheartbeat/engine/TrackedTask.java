package io.github.swfheartbeat.engine;

import java.util.Comparator;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import io.github.swfheartbeat.core.ActivityTaskInfo;
import io.github.swfheartbeat.core.HeartbeatOptions;
import io.github.swfheartbeat.core.TaskLossReason;
import io.github.swfheartbeat.core.TaskTokenFingerprint;
import org.jspecify.annotations.Nullable;

/**
 * A task the engine heartbeats. Fields without a note belong to the scheduler thread; the others
 * are shared with the task's handles.
 */
final class TrackedTask {

	static final Comparator<TrackedTask> BY_DUE = Comparator.<TrackedTask>comparingLong((task) -> task.dueNanos)
		.thenComparingLong((task) -> task.id);

	static final Comparator<TrackedTask> BY_DEADLINE = Comparator
		.<TrackedTask>comparingLong((task) -> task.deadlineNanos)
		.thenComparingLong((task) -> task.id);

	static final long NO_SLOT = Long.MIN_VALUE;

	private static final AtomicLong ids = new AtomicLong();

	enum State {

		NEW, WAITING, READY, IN_FLIGHT, FINISHED

	}

	final long id = ids.incrementAndGet();

	final String token;

	/** Shared: replaced by the scheduler when a second start of the token asks for stricter values. */
	volatile HeartbeatOptions options;

	/** Set for a one-shot heartbeat: completed with its answer. Shared. */
	final @Nullable CompletableFuture<Boolean> oneShot;

	/** Shared: the newest details, sent with the next heartbeat. */
	final AtomicReference<@Nullable String> details = new AtomicReference<>();

	/** Shared. */
	final AtomicBoolean truncationWarned = new AtomicBoolean();

	/** Shared: set once when SWF reports cancelRequested. */
	volatile boolean cancellationRequested;

	/** Shared: set once when the task is lost. */
	volatile @Nullable TaskLossReason lossReason;

	/** Shared: completed once, off the scheduler thread, after {@link #cancellationRequested} is set. */
	final CompletableFuture<Void> cancellation = new CompletableFuture<>();

	/**
	 * Shared: the cancellation futures of open handles, completed with {@link #cancellation}. A
	 * handle removes its own when it closes, so that what callers hang on it goes with the handle
	 * instead of piling up on a task that many nested calls share.
	 */
	final Set<CompletableFuture<Void>> handleCancellations = ConcurrentHashMap.newKeySet();

	/** Shared: completed once, off the scheduler thread, after {@link #lossReason} is set. */
	final CompletableFuture<TaskLossReason> loss = new CompletableFuture<>();

	/** Shared, for statistics: the heartbeat deadline of the current plan; MAX_VALUE before the first. */
	volatile long plannedDeadlineNanos = Long.MAX_VALUE;

	/** Shared, for statistics: calls per second the current plan needs. */
	volatile double plannedCallsPerSecond;

	/** Guarded by the engine's task map: handles open on this task. */
	int references = 1;

	State state = State.NEW;

	long timeoutNanos;

	/** Whether the timeout stands in for a type's that is being looked up or could not be read. */
	boolean timeoutProvisional;

	/** Whether the task's options name its heartbeat timeout: discovery does not override it. */
	boolean timeoutExplicit;

	long registeredNanos;

	/** How long before registration the task was polled, -1 when unknown. */
	long polledAgoNanos = -1;

	/** Start-to-close timeout, 0 when unknown. */
	long startToCloseTimeoutNanos;

	/** When the start-to-close timeout ends, {@link Long#MAX_VALUE} when unknown. */
	long startToCloseNanos = Long.MAX_VALUE;

	/** Whether a heartbeat of this task has succeeded: from then on its clock is the engine's own. */
	boolean heartbeatSucceeded;

	long cancelLatencyNanos;

	long lastResetNanos;

	long lastSendNanos;

	long dueNanos;

	long deadlineNanos;

	long giveUpNanos;

	long slot = NO_SLOT;

	int failures;

	boolean closed;

	boolean cancelReported;

	@Nullable String lastSentDetails;

	private final TaskTokenFingerprint.Lazy fingerprint;

	TrackedTask(String token, HeartbeatOptions options, @Nullable CompletableFuture<Boolean> oneShot) {
		this.token = token;
		this.fingerprint = new TaskTokenFingerprint.Lazy(token);
		this.options = options;
		this.oneShot = oneShot;
	}

	String fingerprint() {
		return this.fingerprint.get();
	}

	ActivityTaskInfo info() {
		return this.options.activityTask();
	}

	boolean isOneShot() {
		return this.oneShot != null;
	}

	@Override
	public String toString() {
		return "TrackedTask[" + fingerprint() + ", " + this.state + "]";
	}

}
