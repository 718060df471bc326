package io.github.swfheartbeat.engine;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.Executor;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

import io.github.swfheartbeat.core.ActivityTaskInfo;
import io.github.swfheartbeat.core.ActivityTaskLostException;
import io.github.swfheartbeat.core.HeartbeatException;
import io.github.swfheartbeat.core.HeartbeatOptions;
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

	private static final Duration DISCOVERY_RETRY_DELAY = Duration.ofSeconds(1);

	/**
	 * Heartbeats due this soon go out with the one due now. At hundreds of calls a second the
	 * scheduler, the sender threads and the HTTP client's I/O threads then work through a batch
	 * each time they wake instead of waking for every call, which costs less CPU per
	 * heartbeat (docs/benchmarks.md, "Scale"); a heartbeat 50 ms early is nothing against a
	 * heartbeat timeout of seconds, and only shortens its task's next interval by as much.
	 */
	static final long SEND_AHEAD_NANOS = TimeUnit.MILLISECONDS.toNanos(50);

	/** Longest time since a poll taken into account; keeps the arithmetic far from overflow. */
	private static final Duration MAX_POLL_AGE = Duration.ofDays(1);

	private final HeartbeatEngineSettings settings;

	private final EngineClock clock;

	private final HeartbeatTransport transport;

	private final TaskReporter reporter;

	private final ConcurrentMap<String, TrackedTask> tasks;

	private final TimeoutDiscovery discovery;

	private final EngineStatistics statistics;

	private final Runnable wakeUp;

	private final Executor sender;

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
			Executor sender, Runnable wakeUp) {
		this.settings = settings;
		this.clock = clock;
		this.transport = transport;
		this.reporter = new TaskReporter(clock, listeners, statistics);
		this.tasks = tasks;
		this.statistics = statistics;
		this.wakeUp = wakeUp;
		this.sender = sender;
		this.discovery = new TimeoutDiscovery(transport, clock, settings.callTimeout(), DISCOVERY_RETRY_DELAY, sender);
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

	void tighten(TrackedTask task, HeartbeatOptions options) {
		post(() -> onTighten(task, options));
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

	Map<String, String> discoveryFailures() {
		return this.discovery.failures();
	}

	double currentRate() {
		return this.limiter.currentRate();
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
		this.queue.promoteDue(nowNanos, SEND_AHEAD_NANOS);
		while (this.queue.hasReady()) {
			TrackedTask first = this.queue.peekReady();
			if (!first.isOneShot() && nowNanos >= first.startToCloseNanos) {
				lose(this.queue.pollReady(), TaskLossReason.START_TO_CLOSE,
						new HeartbeatException("The task reached its start-to-close timeout"));
			}
			else if (isPastDeadline(first)) {
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
	 * Whether a task waited for its first try until it is too late, as happens when demand exceeds
	 * the rate limit: a call sent now would reach SWF after the deadline, so it could only be
	 * answered UnknownResource, and it would take the permit of a task that can still be kept.
	 * Letting such calls through makes every task late in turn, and under sustained overload none
	 * survives; giving them up at once keeps as many tasks as the rate allows. Retries are given up
	 * in {@link #retry} by the same rule.
	 */
	private boolean isPastDeadline(TrackedTask task) {
		return !task.isOneShot() && task.failures == 0 && this.now >= lastChanceNanos(task);
	}

	/**
	 * Returns the deadline after which a task is given up. While its type's timeout is unknown it
	 * is planned on a short stand-in, but given up only when even the configured default would
	 * have run out: its real timeout may be that long, and a task is never reported lost on a
	 * guess.
	 */
	private long giveUpDeadlineNanos(TrackedTask task) {
		if (!task.timeoutProvisional) {
			return task.deadlineNanos;
		}
		return Math.max(task.deadlineNanos, task.lastResetNanos + this.settings.defaultHeartbeatTimeout().toNanos());
	}

	/**
	 * Returns the last moment a call for the task can leave and still reach SWF before its
	 * deadline: a typical round trip (at least {@value #LAST_CHANCE_NANOS} ns) earlier. Never more
	 * than half the planning margin, or a spike of slow answers would leave no time to send at all.
	 */
	private long lastChanceNanos(TrackedTask task) {
		long margin = this.planner.marginNanos(task.timeoutNanos, this.roundTrip.upperBoundNanos());
		return giveUpDeadlineNanos(task)
				- Math.min(Math.max(this.roundTrip.smoothedNanos(), LAST_CHANCE_NANOS), margin / 2);
	}

	private void onRegister(TrackedTask task) {
		if (task.state != TrackedTask.State.NEW) {
			return;
		}
		HeartbeatOptions options = task.options;
		task.registeredNanos = this.now;
		task.polledAgoNanos = polledAgoNanos(options.effectivePolledAt());
		task.lastSendNanos = this.now;
		task.timeoutExplicit = options.heartbeatTimeout() != null;
		task.timeoutNanos = task.timeoutExplicit ? options.heartbeatTimeout().toNanos() : resolveTimeout(task);
		Duration latency = (options.maxCancellationLatency() != null) ? options.maxCancellationLatency()
				: this.settings.maxCancellationLatency();
		task.cancelLatencyNanos = (latency != null) ? latency.toNanos() : 0;
		if (options.startToCloseTimeout() != null) {
			task.startToCloseTimeoutNanos = options.startToCloseTimeout().toNanos();
		}
		resetToPoll(task);
		plan(task);
		this.reporter.started(task);
	}

	/**
	 * Returns how long ago the task was polled, from an instant of the wall clock: 0 for an instant
	 * in the future (clocks disagree), -1 when unknown.
	 */
	private long polledAgoNanos(@Nullable Instant polledAt) {
		if (polledAt == null) {
			return -1;
		}
		Duration ago = Duration.between(polledAt, this.clock.now());
		if (ago.isNegative()) {
			return 0;
		}
		return ((ago.compareTo(MAX_POLL_AGE) > 0) ? MAX_POLL_AGE : ago).toNanos();
	}

	/**
	 * Sets where SWF's heartbeat clock started for a task not yet heartbeated: at its poll. A poll
	 * instant is trusted up to a little less than the timeout, so that one call is always tried:
	 * an instant from another clock can be off. Without one, the task is assumed polled a third of
	 * the timeout before it was registered: the first heartbeat keeps its full margin for any gap
	 * up to that.
	 */
	private void resetToPoll(TrackedTask task) {
		long timeout = task.timeoutNanos;
		long ago = (task.polledAgoNanos >= 0)
				? Math.min(task.polledAgoNanos, timeout - Math.min(timeout / 3, this.settings.minSafetyMargin().toNanos()))
				: timeout / 3;
		task.lastResetNanos = task.registeredNanos - ago;
		task.startToCloseNanos = (task.startToCloseTimeoutNanos > 0)
				? task.lastResetNanos + task.startToCloseTimeoutNanos : Long.MAX_VALUE;
	}

	private long resolveTimeout(TrackedTask task) {
		long fallback = this.settings.defaultHeartbeatTimeout().toNanos();
		ActivityTaskInfo info = task.info().withDomainIfAbsent(this.settings.defaultDomain());
		if (!this.settings.discoverHeartbeatTimeouts() || info.domain() == null || !info.hasActivityType()) {
			return fallback;
		}
		CompletableFuture<Optional<ActivityTypeTimeouts>> discovered = this.discovery.timeouts(info.domain(),
				info.activityTypeName(), info.activityTypeVersion());
		if (discovered.isDone()) {
			return applyDiscovered(task, discovered.join());
		}
		task.timeoutProvisional = true;
		discovered.thenAccept((timeouts) -> post(() -> onTimeoutDiscovered(task, timeouts)));
		return unknownTimeoutNanos();
	}

	/**
	 * Returns the timeout a task is planned on while its type's is unknown: the type's may be
	 * shorter than the configured default, so the default is not trusted; three minimum send
	 * intervals is the shortest timeout the settings can serve.
	 */
	private long unknownTimeoutNanos() {
		return Math.min(this.settings.defaultHeartbeatTimeout().toNanos(), 3 * this.settings.minSendInterval().toNanos());
	}

	private long applyDiscovered(TrackedTask task, Optional<ActivityTypeTimeouts> discovered) {
		if (discovered.isEmpty()) {
			task.timeoutProvisional = true;
			return unknownTimeoutNanos();
		}
		task.timeoutProvisional = false;
		ActivityTypeTimeouts timeouts = discovered.get();
		if (task.startToCloseTimeoutNanos == 0 && timeouts.startToCloseTimeout() != null) {
			task.startToCloseTimeoutNanos = timeouts.startToCloseTimeout().toNanos();
		}
		return (timeouts.heartbeatTimeout() != null) ? timeouts.heartbeatTimeout().toNanos()
				: this.settings.defaultHeartbeatTimeout().toNanos();
	}

	private void onTimeoutDiscovered(TrackedTask task, Optional<ActivityTypeTimeouts> timeouts) {
		if (task.state == TrackedTask.State.FINISHED || task.timeoutExplicit) {
			return;
		}
		task.timeoutNanos = applyDiscovered(task, timeouts);
		if (!task.heartbeatSucceeded) {
			resetToPoll(task);
		}
		else if (task.startToCloseTimeoutNanos > 0 && task.startToCloseNanos == Long.MAX_VALUE) {
			task.startToCloseNanos = task.registeredNanos + task.startToCloseTimeoutNanos;
		}
		replan(task);
	}

	/**
	 * Replans a task whose timeout or start changed: a planned heartbeat moves; one being sent or
	 * retried keeps going but gives up at the new deadline, not the old one.
	 */
	private void replan(TrackedTask task) {
		if (task.state == TrackedTask.State.WAITING && task.failures == 0) {
			this.queue.remove(task);
			plan(task);
			return;
		}
		long deadline = task.lastResetNanos + task.timeoutNanos;
		if (task.state == TrackedTask.State.READY) {
			// The ready set is ordered by deadline.
			this.queue.remove(task);
			task.deadlineNanos = deadline;
			this.queue.readyNow(task);
		}
		else if (task.state == TrackedTask.State.WAITING || task.state == TrackedTask.State.IN_FLIGHT) {
			task.deadlineNanos = deadline;
		}
	}

	/**
	 * Applies a second start's options to a running task where they are stricter: a shorter
	 * heartbeat or start-to-close timeout, a shorter cancellation latency, an earlier poll.
	 * Dropping them would let the first caller's looser values lose the task.
	 */
	private void onTighten(TrackedTask task, HeartbeatOptions options) {
		if (task.state == TrackedTask.State.FINISHED) {
			return;
		}
		if (task.state == TrackedTask.State.NEW) {
			// The second start overtook the first's registration, which reads the merged options.
			task.options = stricter(task.options, options);
			return;
		}
		HeartbeatOptions current = task.options;
		if (options.heartbeatTimeout() != null && options.heartbeatTimeout().toNanos() < task.timeoutNanos) {
			task.timeoutNanos = options.heartbeatTimeout().toNanos();
			task.timeoutExplicit = true;
			task.timeoutProvisional = false;
			current = current.withHeartbeatTimeout(options.heartbeatTimeout());
		}
		Duration latency = options.maxCancellationLatency();
		if (latency != null && (task.cancelLatencyNanos == 0 || latency.toNanos() < task.cancelLatencyNanos)) {
			task.cancelLatencyNanos = latency.toNanos();
			current = current.withMaxCancellationLatency(latency);
		}
		long polledAgo = polledAgoNanos(options.effectivePolledAt());
		if (polledAgo >= 0) {
			// Ago as seen from the first registration.
			long ago = polledAgo + (this.now - task.registeredNanos);
			if (task.polledAgoNanos < 0 || ago > task.polledAgoNanos) {
				task.polledAgoNanos = ago;
			}
		}
		Duration startToClose = options.startToCloseTimeout();
		if (startToClose != null
				&& (task.startToCloseTimeoutNanos == 0 || startToClose.toNanos() < task.startToCloseTimeoutNanos)) {
			task.startToCloseTimeoutNanos = startToClose.toNanos();
			current = current.withStartToCloseTimeout(startToClose);
		}
		if (current.activityTask().equals(ActivityTaskInfo.unknown())) {
			current = current.withActivityTask(options.activityTask());
		}
		task.options = current;
		if (!task.heartbeatSucceeded) {
			resetToPoll(task);
		}
		else if (task.startToCloseTimeoutNanos > 0) {
			task.startToCloseNanos = Math.min(task.startToCloseNanos,
					task.registeredNanos + task.startToCloseTimeoutNanos);
		}
		replan(task);
	}

	private static HeartbeatOptions stricter(HeartbeatOptions first, HeartbeatOptions second) {
		Instant polledAt = earlier(first.effectivePolledAt(), second.effectivePolledAt());
		return new HeartbeatOptions(shorter(first.heartbeatTimeout(), second.heartbeatTimeout()),
				shorter(first.maxCancellationLatency(), second.maxCancellationLatency()),
				first.activityTask().equals(ActivityTaskInfo.unknown()) ? second.activityTask() : first.activityTask(),
				polledAt, shorter(first.startToCloseTimeout(), second.startToCloseTimeout()));
	}

	private static @Nullable Duration shorter(@Nullable Duration first, @Nullable Duration second) {
		return (first == null) ? second : (second == null || first.compareTo(second) <= 0) ? first : second;
	}

	private static @Nullable Instant earlier(@Nullable Instant first, @Nullable Instant second) {
		return (first == null) ? second : (second == null || !second.isBefore(first)) ? first : second;
	}

	private void plan(TrackedTask task) {
		long due = this.roundTrip.isMeasured()
				? this.planner.nextSendNanos(task.lastResetNanos, task.lastSendNanos, task.timeoutNanos,
						task.cancelLatencyNanos, this.roundTrip.upperBoundNanos())
				: this.planner.unmeasuredSendNanos(task.lastResetNanos, task.lastSendNanos, task.timeoutNanos,
						task.cancelLatencyNanos);
		// At the start-to-close timeout the task is reported lost instead of heartbeated.
		this.queue.plan(task, Math.min(due, task.startToCloseNanos), this.now);
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
			this.shutdownDeadlineNanos = this.now
					+ ((gracePeriod.compareTo(HeartbeatOptions.MAX_DURATION) > 0) ? HeartbeatOptions.MAX_DURATION : gracePeriod)
						.toNanos();
		}
	}

	/**
	 * Hands a heartbeat to the sender threads. The SDK resolves credentials, signs and marshals on
	 * the calling thread, and a credentials provider (IMDS, STS, a container endpoint) can block
	 * for seconds: none of that may hold up the scheduler and every other task.
	 */
	private void send(TrackedTask task) {
		if (!task.isOneShot()) {
			// Its deadline was set when it became ready: no call outlives it, since SWF judges a
			// heartbeat when it arrives.
			task.giveUpNanos = giveUpDeadlineNanos(task);
		}
		task.state = TrackedTask.State.IN_FLIGHT;
		long handedNanos = this.clock.nanoTime();
		long latenessNanos = Math.max(0, handedNanos - task.dueNanos);
		String details = task.details.get();
		long giveUpNanos = Math.min(task.giveUpNanos, handedNanos + this.settings.callTimeout().toNanos());
		this.statistics.heartbeatsSent.incrementAndGet();
		Runnable call = () -> call(task, details, handedNanos, latenessNanos, giveUpNanos);
		// Finished in answer(), after the answer is posted: a shared virtual clock never sees the
		// call between the two sides with both of them idle.
		this.clock.callStarted();
		try {
			this.sender.execute(call);
		}
		catch (RuntimeException ex) {
			answer(task, details, handedNanos, latenessNanos, null, ex);
		}
	}

	/**
	 * Makes one call, on a sender thread. Time spent waiting for the thread counts against the
	 * call's timeout; a call that could only arrive after its deadline is not made.
	 */
	private void call(TrackedTask task, @Nullable String details, long handedNanos, long latenessNanos,
			long giveUpNanos) {
		CompletableFuture<Boolean> call;
		try {
			long timeoutNanos = giveUpNanos - this.clock.nanoTime();
			call = (timeoutNanos <= 0)
					? CompletableFuture.failedFuture(new HeartbeatException("Heartbeat for " + task.fingerprint()
							+ " not sent: it waited for a sender thread until its deadline"))
					: this.transport.recordHeartbeat(task.token, details, Duration.ofNanos(timeoutNanos));
		}
		catch (Throwable ex) {
			call = CompletableFuture.failedFuture(ex);
		}
		call.whenComplete((cancelRequested, failure) -> answer(task, details, handedNanos, latenessNanos,
				cancelRequested, failure));
	}

	private void answer(TrackedTask task, @Nullable String details, long sentNanos, long latenessNanos,
			@Nullable Boolean cancelRequested, @Nullable Throwable failure) {
		// Timed where the answer arrives, not when the busy scheduler gets to it.
		long answeredNanos = this.clock.nanoTime();
		post(() -> onAnswer(task, new Answer(sentNanos, answeredNanos, latenessNanos, details, cancelRequested, failure)));
		this.clock.callFinished();
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
		task.heartbeatSucceeded = true;
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

	/**
	 * Plans the next try of a failed heartbeat. The backoff never exceeds a quarter of the time
	 * left (nor goes below the first backoff), so a fault that clears before the deadline is found
	 * by one of several probes; and the
	 * last try leaves a measured round trip before the deadline, since SWF judges a heartbeat when
	 * it arrives. When not even that try can arrive in time, the task is reported lost.
	 */
	private void retry(TrackedTask task, Throwable error) {
		task.failures++;
		long lastChance = task.isOneShot() ? task.giveUpNanos : Math.min(lastChanceNanos(task), task.startToCloseNanos);
		if (this.now >= lastChance) {
			if (task.isOneShot()) {
				completeOneShot(task, new HeartbeatException("No heartbeat for " + task.fingerprint() + " got through within "
						+ this.settings.callTimeout() + ": " + FailureKind.unwrap(error), FailureKind.unwrap(error)));
			}
			else if (this.now >= task.startToCloseNanos) {
				lose(task, TaskLossReason.START_TO_CLOSE, error);
			}
			else {
				lose(task, TaskLossReason.DEADLINE_PASSED, error);
			}
			return;
		}
		long delay = Math.min(this.backoff.delayNanos(task.failures),
				Math.max(this.settings.retryInitialBackoff().toNanos(), (lastChance - this.now) / 4));
		long retryAt = Math.min(this.now + delay, lastChance);
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
		this.reporter.lost(task, reason, error, true);
	}

	private void finish(TrackedTask task) {
		task.state = TrackedTask.State.FINISHED;
		this.statistics.activeTasks.decrementAndGet();
	}

	private void terminate() {
		int abandoned = abandonAll(TaskLossReason.SHUTDOWN,
				new HeartbeatException("The heartbeat engine shut down while the task was running"));
		if (abandoned > 0) {
			logger.warn("Heartbeat engine stopped with {} activity tasks still running after the shutdown grace period; "
					+ "they are no longer heartbeated and are reported lost", abandoned);
		}
		this.termination.complete(null);
	}

	/**
	 * Called on the scheduler thread after {@link #step} threw: nothing will be heartbeated any
	 * more, so every task is reported lost rather than left to time out silently.
	 * @param failure what the step threw
	 */
	void fail(Throwable failure) {
		String description = failure.getClass().getSimpleName()
				+ ((failure.getMessage() != null) ? ": " + failure.getMessage() : "");
		this.statistics.engineFailure = (description.length() > 200) ? description.substring(0, 200) : description;
		this.inbox.clear();
		int lost = abandonAll(TaskLossReason.ENGINE_FAILED, failure);
		logger.error("Heartbeat scheduler failed; {} activity tasks are no longer heartbeated and are reported lost",
				lost, failure);
		this.termination.complete(null);
	}

	private int abandonAll(TaskLossReason reason, Throwable error) {
		int abandoned = 0;
		List<TrackedTask> all = new ArrayList<>();
		try {
			all.addAll(this.queue.drain());
		}
		catch (RuntimeException ex) {
			// A queue the failure left inconsistent: the task map still holds every task.
		}
		all.addAll(this.tasks.values());
		for (TrackedTask task : all) {
			try {
				abandoned += abandon(task, reason, error);
			}
			catch (RuntimeException ex) {
				logger.warn("Could not report {} lost", task.fingerprint(), ex);
			}
		}
		return abandoned;
	}

	private int abandon(TrackedTask task, TaskLossReason reason, Throwable error) {
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
		this.reporter.lost(task, reason, error, false);
		return 1;
	}

	private record Answer(long sentNanos, long answeredNanos, long latenessNanos, @Nullable String details, @Nullable Boolean cancelRequested,
			@Nullable Throwable failure) {
	}

}
