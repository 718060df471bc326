package io.github.swfheartbeat.engine;

import java.time.Duration;
import java.util.Optional;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.ThreadLocalRandom;

import io.github.swfheartbeat.core.ActivityTaskInfo;
import io.github.swfheartbeat.core.ActivityTaskLostException;
import io.github.swfheartbeat.core.HeartbeatException;
import io.github.swfheartbeat.core.TaskLossReason;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The heart of the engine: owns every task's schedule and decides, one step at a time, which
 * heartbeats go out. All state here belongs to one thread; other threads only post commands to
 * its inbox and wake it. That is why nothing here needs a lock, and why no lock is ever held
 * across a call to SWF.
 * <p>
 * Each {@link #step(long)} drains the inbox, moves tasks whose time has come to the ready set,
 * and sends ready tasks, closest deadline first, as far as the shared rate limit allows.
 */
final class HeartbeatScheduler {

	private static final Logger logger = LoggerFactory.getLogger(HeartbeatScheduler.class);

	private static final long LAST_CHANCE_NANOS = Duration.ofMillis(50).toNanos();

	private static final long MIN_CALL_TIMEOUT_NANOS = Duration.ofMillis(500).toNanos();

	private final HeartbeatEngineSettings settings;

	private final EngineClock clock;

	private final HeartbeatTransport transport;

	private final TaskReporter reporter;

	private final ConcurrentMap<String, TrackedTask> tasks;

	private final TimeoutDiscovery discovery;

	private final EngineStatistics statistics;

	private final Runnable wakeUp;

	private final Queue<Runnable> inbox = new ConcurrentLinkedQueue<>();

	private final SendQueue queue;

	private final AdaptiveRateLimiter limiter;

	private final SendPlanner planner;

	private final RoundTripEstimator roundTrip = new RoundTripEstimator();

	private final RetryBackoff backoff;

	private final CompletableFuture<Void> termination = new CompletableFuture<>();

	private long now;

	private boolean shuttingDown;

	private long shutdownDeadlineNanos = Long.MAX_VALUE;

	HeartbeatScheduler(HeartbeatEngineSettings settings, EngineClock clock, HeartbeatTransport transport,
			ListenerDispatcher listeners, ConcurrentMap<String, TrackedTask> tasks, EngineStatistics statistics,
			Runnable wakeUp) {
		this.settings = settings;
		this.clock = clock;
		this.transport = transport;
		this.reporter = new TaskReporter(clock, listeners, statistics);
		this.tasks = tasks;
		this.statistics = statistics;
		this.wakeUp = wakeUp;
		this.discovery = new TimeoutDiscovery(transport, clock);
		this.now = clock.nanoTime();
		this.limiter = new AdaptiveRateLimiter(settings.rateLimit(), settings.rateLimitBurst(), this.now);
		this.queue = new SendQueue(settings.rateLimit());
		this.planner = new SendPlanner(settings.minSendInterval().toNanos(), settings.minSafetyMargin().toNanos(),
				settings.retryInitialBackoff().toNanos());
		this.backoff = new RetryBackoff(settings.retryInitialBackoff().toNanos(), settings.retryMaxBackoff().toNanos(),
				() -> ThreadLocalRandom.current().nextDouble());
	}

	// Commands: called from any thread.

	void register(TrackedTask task) {
		post(() -> onRegister(task));
	}

	void close(TrackedTask task) {
		post(() -> onClose(task));
	}

	void sendOnce(TrackedTask task) {
		post(() -> onSendOnce(task));
	}

	void shutdown(Duration gracePeriod) {
		post(() -> onShutdown(gracePeriod));
	}

	CompletableFuture<Void> termination() {
		return this.termination;
	}

	boolean isTerminated() {
		return this.termination.isDone();
	}

	/**
	 * Returns how many tasks are planned or ready, and how many calendar slots are reserved, as
	 * seen by the scheduler thread; for leak checks in tests.
	 * @return a future of planned tasks, ready tasks, reserved slots
	 */
	CompletableFuture<int[]> queueSizes() {
		CompletableFuture<int[]> sizes = new CompletableFuture<>();
		post(() -> sizes.complete(this.queue.sizes()));
		return sizes;
	}

	boolean hasPendingCommands() {
		return !this.inbox.isEmpty();
	}

	double currentRate(long nowNanos) {
		return this.limiter.currentRate(nowNanos);
	}

	private void post(Runnable command) {
		this.inbox.add(command);
		this.wakeUp.run();
	}

	// The scheduler thread.

	/**
	 * Runs one step at the given time.
	 * @param nowNanos the current time
	 * @return when the next step is due, {@link Long#MAX_VALUE} when nothing is planned
	 */
	long step(long nowNanos) {
		this.now = nowNanos;
		if (isTerminated()) {
			this.inbox.clear();
			return Long.MAX_VALUE;
		}
		Runnable command;
		while ((command = this.inbox.poll()) != null) {
			command.run();
		}
		if (this.shuttingDown && (this.statistics.activeTasks.get() == 0 || nowNanos >= this.shutdownDeadlineNanos)) {
			terminate();
			return Long.MAX_VALUE;
		}
		this.queue.promoteDue(nowNanos);
		while (this.queue.hasReady()) {
			if (isPastDeadline(this.queue.peekReady())) {
				lose(this.queue.pollReady(), TaskLossReason.DEADLINE_PASSED,
						new HeartbeatException("No heartbeat could be sent before the heartbeat timeout ran out"));
			}
			else if (this.limiter.tryAcquire(nowNanos)) {
				send(this.queue.pollReady());
			}
			else {
				break;
			}
		}
		long next = Math.min(this.shutdownDeadlineNanos, this.queue.nextDueNanos());
		return this.queue.hasReady() ? Math.min(next, this.limiter.nextPermitNanos(nowNanos)) : next;
	}

	/**
	 * Whether a task waited for its first try until its deadline, as happens when demand exceeds
	 * the rate limit. A call sent now would reach SWF after the deadline, so it could only be
	 * answered UnknownResource, and it would take the permit of a task that can still be kept:
	 * letting such calls through makes every task late in turn, and under sustained overload none
	 * survives. Giving them up at once keeps as many tasks as the rate allows. Retries keep their
	 * own give-up time.
	 */
	private boolean isPastDeadline(TrackedTask task) {
		return !task.isOneShot() && task.failures == 0 && this.now >= task.deadlineNanos;
	}

	private void onRegister(TrackedTask task) {
		if (task.state != TrackedTask.State.NEW) {
			return;
		}
		task.lastResetNanos = this.now;
		task.lastSendNanos = this.now;
		task.timeoutNanos = resolveTimeout(task);
		Duration latency = (task.options.maxCancellationLatency() != null) ? task.options.maxCancellationLatency()
				: this.settings.maxCancellationLatency();
		task.cancelLatencyNanos = (latency != null) ? latency.toNanos() : 0;
		plan(task);
		this.reporter.started(task);
	}

	private long resolveTimeout(TrackedTask task) {
		if (task.options.heartbeatTimeout() != null) {
			return task.options.heartbeatTimeout().toNanos();
		}
		long fallback = this.settings.defaultHeartbeatTimeout().toNanos();
		ActivityTaskInfo info = task.info().withDomainIfAbsent(this.settings.defaultDomain());
		if (!this.settings.discoverHeartbeatTimeouts() || info.domain() == null || !info.hasActivityType()) {
			return fallback;
		}
		CompletableFuture<Optional<Duration>> discovered = this.discovery.heartbeatTimeout(info.domain(),
				info.activityTypeName(), info.activityTypeVersion());
		if (discovered.isDone()) {
			return discovered.join().map(Duration::toNanos).orElse(fallback);
		}
		task.timeoutProvisional = true;
		discovered.thenAccept((timeout) -> post(() -> onTimeoutDiscovered(task, timeout)));
		return fallback;
	}

	private void onTimeoutDiscovered(TrackedTask task, Optional<Duration> timeout) {
		if (!task.timeoutProvisional || timeout.isEmpty()) {
			task.timeoutProvisional = false;
			return;
		}
		task.timeoutProvisional = false;
		task.timeoutNanos = timeout.get().toNanos();
		if (task.state == TrackedTask.State.WAITING) {
			this.queue.remove(task);
			plan(task);
		}
	}

	private void plan(TrackedTask task) {
		long due = this.roundTrip.isMeasured()
				? this.planner.nextSendNanos(task.lastResetNanos, task.lastSendNanos, task.timeoutNanos,
						task.cancelLatencyNanos, this.roundTrip.upperBoundNanos())
				: this.planner.unmeasuredSendNanos(task.lastResetNanos, task.timeoutNanos, task.cancelLatencyNanos);
		this.queue.plan(task, due, this.now);
		task.plannedDeadlineNanos = task.lastResetNanos + task.timeoutNanos;
		task.plannedCallsPerSecond = 1e9 / Math.max(due - task.lastSendNanos, this.settings.minSendInterval().toNanos());
	}

	private void onSendOnce(TrackedTask task) {
		task.lastResetNanos = this.now;
		task.deadlineNanos = this.now;
		task.giveUpNanos = this.now + this.settings.callTimeout().toNanos();
		task.dueNanos = this.now;
		this.queue.readyNow(task);
	}

	private void onClose(TrackedTask task) {
		task.closed = true;
		if (task.state == TrackedTask.State.FINISHED) {
			return;
		}
		this.queue.remove(task);
		finish(task);
		this.reporter.ended(task);
	}

	private void onShutdown(Duration gracePeriod) {
		if (!this.shuttingDown) {
			this.shuttingDown = true;
			this.shutdownDeadlineNanos = this.now + gracePeriod.toNanos();
		}
	}

	private void send(TrackedTask task) {
		if (!task.isOneShot()) {
			// Its deadline was set when it became ready.
			task.giveUpNanos = task.deadlineNanos + this.settings.minSafetyMargin().toNanos();
		}
		task.state = TrackedTask.State.IN_FLIGHT;
		// Not the step's start time: the SDK prepares and signs each call on this thread, so a
		// step that sends many heartbeats lasts long enough to matter for deadlines.
		long sentNanos = this.clock.nanoTime();
		long latenessNanos = Math.max(0, sentNanos - task.dueNanos);
		String details = task.details.get();
		long timeoutNanos = Math.min(this.settings.callTimeout().toNanos(),
				Math.max(MIN_CALL_TIMEOUT_NANOS, task.giveUpNanos - sentNanos));
		this.statistics.heartbeatsSent.incrementAndGet();
		CompletableFuture<Boolean> call;
		try {
			call = this.transport.recordHeartbeat(task.token, details, Duration.ofNanos(timeoutNanos));
		}
		catch (RuntimeException ex) {
			call = CompletableFuture.failedFuture(ex);
		}
		call.whenComplete((cancelRequested, failure) -> {
			// Timed where the answer arrives, not when the busy scheduler gets to it.
			long answeredNanos = this.clock.nanoTime();
			post(() -> onAnswer(task,
					new Answer(sentNanos, answeredNanos, latenessNanos, details, cancelRequested, failure)));
		});
	}

	private void onAnswer(TrackedTask task, Answer answer) {
		long roundTripNanos = answer.answeredNanos - answer.sentNanos;
		HeartbeatOutcome outcome;
		FailureKind failure = null;
		if (answer.failure == null) {
			outcome = Boolean.TRUE.equals(answer.cancelRequested) ? HeartbeatOutcome.CANCEL_REQUESTED
					: HeartbeatOutcome.SUCCESS;
			this.roundTrip.record(roundTripNanos);
			this.statistics.recordSuccess(this.clock.now());
		}
		else {
			failure = FailureKind.of(answer.failure);
			outcome = failure.outcome();
			this.statistics.recordFailure(failure, this.now, this.clock.now());
		}
		int attempt = task.failures + 1;
		HeartbeatAttempt reported = new HeartbeatAttempt(task.fingerprint(), task.info(), outcome,
				Duration.ofNanos(roundTripNanos), Duration.ofNanos(answer.latenessNanos), attempt, this.clock.now(),
				(failure == null && !task.isOneShot())
						? Duration.ofNanos(Math.max(0, task.deadlineNanos - answer.answeredNanos)) : null);
		this.reporter.heartbeat(reported);
		if (failure == FailureKind.THROTTLED) {
			this.limiter.onThrottled(this.now);
		}
		if (task.isOneShot()) {
			onOneShotAnswer(task, answer, failure);
			return;
		}
		if (task.state == TrackedTask.State.FINISHED) {
			return;
		}
		if (failure == null) {
			onSuccess(task, answer);
		}
		else {
			onFailure(task, failure, answer.failure);
		}
	}

	private void onSuccess(TrackedTask task, Answer answer) {
		task.failures = 0;
		task.lastResetNanos = answer.sentNanos;
		task.lastSendNanos = answer.sentNanos;
		task.lastSentDetails = answer.details;
		if (Boolean.TRUE.equals(answer.cancelRequested)) {
			this.reporter.cancellationRequested(task);
		}
		plan(task);
	}

	private void onFailure(TrackedTask task, FailureKind failure, Throwable error) {
		switch (failure) {
			case TASK_LOST -> lose(task, TaskLossReason.UNKNOWN_RESOURCE, error);
			case NOT_PERMITTED -> lose(task, TaskLossReason.NOT_PERMITTED, error);
			case REJECTED -> lose(task, TaskLossReason.REJECTED, error);
			default -> retry(task, error);
		}
	}

	private void retry(TrackedTask task, Throwable error) {
		task.failures++;
		if (this.now >= task.giveUpNanos) {
			if (task.isOneShot()) {
				completeOneShot(task, new HeartbeatException("No heartbeat for " + task.fingerprint() + " got through within "
						+ this.settings.callTimeout() + ": " + FailureKind.unwrap(error), FailureKind.unwrap(error)));
			}
			else {
				lose(task, TaskLossReason.DEADLINE_PASSED, error);
			}
			return;
		}
		long retryAt = Math.min(this.now + this.backoff.delayNanos(task.failures), task.giveUpNanos);
		// However long the backoff, one try goes out just before the deadline: a heartbeat that
		// SWF receives after it is too late, one that arrives a round trip early still counts.
		long lastChance = task.deadlineNanos - Math.max(this.roundTrip.upperBoundNanos(), LAST_CHANCE_NANOS);
		if (this.now < lastChance) {
			retryAt = Math.min(retryAt, lastChance);
		}
		if (logger.isDebugEnabled()) {
			logger.debug("Heartbeat for {} failed (attempt {}), retrying in {} ms: {}", task.fingerprint(), task.failures,
					(retryAt - this.now) / 1_000_000, FailureKind.unwrap(error).toString());
		}
		this.queue.waitUntil(task, retryAt);
	}

	private void onOneShotAnswer(TrackedTask task, Answer answer, @Nullable FailureKind failure) {
		TrackedTask tracked = this.tasks.get(task.token);
		boolean trackedActive = tracked != null && tracked.state != TrackedTask.State.FINISHED && !tracked.closed;
		if (failure == null) {
			if (trackedActive && Boolean.TRUE.equals(answer.cancelRequested)) {
				this.reporter.cancellationRequested(tracked);
			}
			completeOneShot(task, Boolean.TRUE.equals(answer.cancelRequested));
			return;
		}
		switch (failure) {
			case TASK_LOST, NOT_PERMITTED, REJECTED -> {
				TaskLossReason reason = (failure == FailureKind.TASK_LOST) ? TaskLossReason.UNKNOWN_RESOURCE
						: (failure == FailureKind.NOT_PERMITTED) ? TaskLossReason.NOT_PERMITTED : TaskLossReason.REJECTED;
				if (trackedActive && failure == FailureKind.TASK_LOST && tracked.state != TrackedTask.State.IN_FLIGHT) {
					this.queue.remove(tracked);
					lose(tracked, reason, answer.failure);
				}
				completeOneShot(task, new ActivityTaskLostException(task.fingerprint(), reason, FailureKind.unwrap(answer.failure)));
			}
			default -> retry(task, answer.failure);
		}
	}

	private void completeOneShot(TrackedTask task, Object result) {
		task.state = TrackedTask.State.FINISHED;
		if (result instanceof Throwable failure) {
			task.oneShot.completeExceptionally(failure);
		}
		else {
			task.oneShot.complete((Boolean) result);
		}
	}

	private void lose(TrackedTask task, TaskLossReason reason, Throwable error) {
		if (task.state == TrackedTask.State.FINISHED) {
			return;
		}
		finish(task);
		this.reporter.lost(task, reason, error);
	}

	private void finish(TrackedTask task) {
		task.state = TrackedTask.State.FINISHED;
		this.statistics.activeTasks.decrementAndGet();
	}

	private void terminate() {
		int abandoned = 0;
		for (TrackedTask task : this.queue.drain()) {
			abandoned += abandon(task);
		}
		for (TrackedTask task : this.tasks.values()) {
			abandoned += abandon(task);
		}
		if (abandoned > 0) {
			logger.warn("Heartbeat engine stopped with {} activity tasks still running after the shutdown grace period; "
					+ "they are no longer heartbeated", abandoned);
		}
		this.termination.complete(null);
	}

	private int abandon(TrackedTask task) {
		if (task.isOneShot()) {
			if (!task.oneShot.isDone()) {
				task.oneShot.completeExceptionally(new HeartbeatException("The heartbeat engine was shut down"));
			}
			return 0;
		}
		if (task.state == TrackedTask.State.FINISHED) {
			return 0;
		}
		finish(task);
		return 1;
	}

	private record Answer(long sentNanos, long answeredNanos, long latenessNanos, @Nullable String details, @Nullable Boolean cancelRequested,
			@Nullable Throwable failure) {
	}

}
