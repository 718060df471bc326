package io.github.swfheartbeat.worker;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

import io.github.swfheartbeat.core.ActivityTaskInfo;
import io.github.swfheartbeat.core.HeartbeatHandle;
import io.github.swfheartbeat.core.HeartbeatOptions;
import io.github.swfheartbeat.core.HeartbeatTemplate;
import io.github.swfheartbeat.core.TaskTokenFingerprint;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.swf.SwfClient;
import software.amazon.awssdk.services.swf.model.PollForActivityTaskResponse;

/**
 * Polls one task list of one domain and runs each task through the {@link SwfActivity} method of
 * its activity type.
 * <ul>
 * <li>A poll starts only when a slot is free ({@code concurrency}), so no polled task waits for a
 * thread: SWF's heartbeat clock runs from the poll.</li>
 * <li>Heartbeats start when the poll returns, planned from that instant, and stop only after the
 * respond call is acknowledged; respond calls are retried while the task is alive.</li>
 * <li>Poll errors and throttling back off; they never stop the container.</li>
 * <li>Stopping ends polling, lets polls in flight finish and runs what they return, and lets
 * running tasks finish, with their heartbeats, for the grace period; then it reports the rest.</li>
 * </ul>
 */
public final class SwfActivityContainer {

	private static final Logger logger = LoggerFactory.getLogger(SwfActivityContainer.class);

	/**
	 * SWF holds an idle poll for 60 seconds: client-wide call timeouts meant for short calls
	 * ({@code swf.client.api-call-timeout}) must not cut it.
	 */
	static final Duration POLL_ATTEMPT_TIMEOUT = Duration.ofSeconds(70);

	static final Duration POLL_CALL_TIMEOUT = Duration.ofMinutes(4);

	/** How long stopping waits for interrupted work to end and be responded failed. */
	static final Duration ABANDONED_RESPOND_WAIT = Duration.ofSeconds(5);

	private final TaskListKey key;

	private final Map<String, ActivityMethodInvoker> invokers;

	private final List<SwfActivityEndpoint> endpoints;

	private final SwfClient swf;

	private final HeartbeatTemplate heartbeats;

	private final ActivityResponder responder;

	private final ActivityTaskRunner runner;

	private final ContainerSettings settings;

	private final ThreadFactory threads;

	private final SwfWorkerListener listener;

	private final Semaphore slots;

	private final Set<RunningActivityTask> runningTasks = ConcurrentHashMap.newKeySet();

	private final List<Thread> pollers = new ArrayList<>();

	private final AtomicInteger consecutivePollErrors = new AtomicInteger();

	private volatile @Nullable Instant lastSuccessfulPoll;

	private volatile @Nullable String lastPollError;

	private volatile boolean running;

	private volatile boolean stopping;

	SwfActivityContainer(TaskListKey key, List<SwfActivityEndpoint> endpoints,
			@Nullable ActivityPayloadConverter converter, SwfClient swf, HeartbeatTemplate heartbeats,
			ActivityResponder responder, ContainerSettings settings, ThreadFactory threads,
			SwfWorkerListener listener) {
		this.key = key;
		this.endpoints = List.copyOf(endpoints);
		Map<String, ActivityMethodInvoker> invokers = new ConcurrentHashMap<>();
		for (SwfActivityEndpoint endpoint : endpoints) {
			ActivityMethodInvoker previous = invokers.put(endpoint.activityType(),
					new ActivityMethodInvoker(endpoint, converter));
			if (previous != null) {
				throw new IllegalStateException("Two @SwfActivity methods implement activity type "
						+ endpoint.activityType() + " on " + key + "; give one of them another name or version");
			}
		}
		this.invokers = Map.copyOf(invokers);
		this.swf = swf;
		this.heartbeats = heartbeats;
		this.responder = responder;
		this.runner = new ActivityTaskRunner(responder);
		this.settings = settings;
		this.threads = threads;
		this.listener = listener;
		this.slots = new Semaphore(settings.concurrency());
	}

	/**
	 * Returns the domain and task list this container polls.
	 * @return the key
	 */
	public TaskListKey key() {
		return this.key;
	}

	/**
	 * Returns the methods whose tasks this container runs.
	 * @return the endpoints
	 */
	public List<SwfActivityEndpoint> endpoints() {
		return this.endpoints;
	}

	/**
	 * Returns the number of slots taken by running tasks and polls in flight.
	 * @return the slots in use
	 */
	public int slotsInUse() {
		return this.settings.concurrency() - this.slots.availablePermits();
	}

	/**
	 * Returns what the container is doing.
	 * @return the status
	 */
	public ContainerStatus status() {
		return new ContainerStatus(this.key, this.running && !this.stopping, this.lastSuccessfulPoll,
				this.consecutivePollErrors.get(), this.lastPollError, slotsInUse(), this.settings.concurrency(),
				this.runningTasks.size());
	}

	synchronized void start() {
		if (this.running) {
			return;
		}
		this.stopping = false;
		this.running = true;
		for (int i = 0; i < this.settings.pollers(); i++) {
			Thread poller = this.threads.newThread(this::pollUntilStopped);
			this.pollers.add(poller);
			poller.start();
		}
		logger.info("Polling activity tasks of {} for {} with {} slots", this.key,
				this.invokers.keySet().stream().sorted().toList(), this.settings.concurrency());
		notify((listener) -> listener.containerStarted(this));
	}

	/**
	 * Stops polling and waits for polls in flight and running tasks, for the grace period at most.
	 */
	synchronized void stop() {
		if (!this.running) {
			return;
		}
		this.stopping = true;
		long deadline = System.nanoTime() + this.settings.shutdownGracePeriod().toNanos();
		for (Thread poller : this.pollers) {
			join(poller, deadline);
		}
		List<Thread> polling = this.pollers.stream().filter(Thread::isAlive).toList();
		if (!polling.isEmpty()) {
			// A task SWF hands out to such a poll now is left to its timeouts.
			logger.warn("Interrupting {} poll(s) of {} still in flight at the end of the grace period of {}",
					polling.size(), this.key, this.settings.shutdownGracePeriod());
			polling.forEach(Thread::interrupt);
		}
		awaitRunningTasks(deadline);
		List<RunningActivityTask> abandoned = List.copyOf(this.runningTasks);
		for (RunningActivityTask task : abandoned) {
			logger.warn("Activity task {} ({}) still running at the end of the grace period of {}: its heartbeats stop "
					+ "and SWF will time it out", task.taskTokenFingerprint(), task.endpoint().activityType(),
					this.settings.shutdownGracePeriod());
			task.abandon();
			task.stopHeartbeats();
			task.interruptWork();
		}
		if (!abandoned.isEmpty()) {
			// Work that ends on the interrupt is responded failed at once, before the client closes.
			awaitRunningTasks(System.nanoTime() + ABANDONED_RESPOND_WAIT.toNanos());
		}
		this.pollers.clear();
		this.running = false;
	}

	boolean isRunning() {
		return this.running;
	}

	private void awaitRunningTasks(long deadline) {
		while (!this.runningTasks.isEmpty() && System.nanoTime() - deadline < 0
				&& !Thread.currentThread().isInterrupted()) {
			pause(Math.min(50, Math.max(1, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime()))));
		}
	}

	private void pollUntilStopped() {
		while (!this.stopping) {
			if (!acquireSlot()) {
				continue;
			}
			PollForActivityTaskResponse task = pollOnce();
			if (task == null) {
				this.slots.release();
				continue;
			}
			// The slot now belongs to the task: even a poll that returns while stopping is run.
			dispatch(task, Instant.now(), System.nanoTime());
		}
	}

	private boolean acquireSlot() {
		try {
			// Bounded, so that a full container notices a stop.
			return this.slots.tryAcquire(100, TimeUnit.MILLISECONDS) && (!this.stopping || release());
		}
		catch (InterruptedException ex) {
			return false;
		}
	}

	private boolean release() {
		this.slots.release();
		return false;
	}

	private @Nullable PollForActivityTaskResponse pollOnce() {
		PollForActivityTaskResponse task;
		try {
			task = this.swf.pollForActivityTask((request) -> request.domain(this.key.domain())
				.taskList((taskList) -> taskList.name(this.key.taskList()))
				.identity(this.settings.identity())
				.overrideConfiguration((config) -> config.apiCallAttemptTimeout(POLL_ATTEMPT_TIMEOUT)
					.apiCallTimeout(POLL_CALL_TIMEOUT)));
		}
		catch (RuntimeException ex) {
			int errors = this.consecutivePollErrors.incrementAndGet();
			this.lastPollError = ex.getClass().getSimpleName() + ": " + ex.getMessage();
			notify((listener) -> listener.pollEnded(this, SwfWorkerListener.PollOutcome.ERROR));
			if (!this.stopping) {
				Duration delay = this.settings.pollBackoff().delay(errors);
				logger.warn("Poll of {} failed ({} in a row), polling again in {} ms: {}", this.key, errors,
						delay.toMillis(), this.lastPollError);
				pause(delay.toMillis());
			}
			return null;
		}
		this.consecutivePollErrors.set(0);
		this.lastPollError = null;
		this.lastSuccessfulPoll = Instant.now();
		boolean hasTask = task.taskToken() != null && !task.taskToken().isEmpty();
		notify((listener) -> listener.pollEnded(this,
				hasTask ? SwfWorkerListener.PollOutcome.TASK : SwfWorkerListener.PollOutcome.EMPTY));
		return hasTask ? task : null;
	}

	private void dispatch(PollForActivityTaskResponse task, Instant polledAt, long polledAtNanos) {
		String type = (task.activityType() != null) ? task.activityType().name() + ":" + task.activityType().version()
				: "unknown";
		ActivityMethodInvoker invoker = this.invokers.get(type);
		SwfActivityEndpoint endpoint = (invoker != null) ? invoker.endpoint() : unknownType(task);
		RunningActivityTask running;
		try {
			HeartbeatHandle handle = this.heartbeats.start(task.taskToken(), options(endpoint, task, polledAt));
			running = new RunningActivityTask(task, endpoint, handle, polledAt, polledAtNanos);
		}
		catch (RuntimeException ex) {
			// The engine refuses new tasks once it shuts down: let SWF time this one out.
			logger.warn("Cannot heartbeat polled activity task {} of {}: {}",
					TaskTokenFingerprint.of(task.taskToken()), this.key, ex.getMessage());
			this.slots.release();
			notify((listener) -> listener.taskEnded(endpoint, ActivityTaskOutcome.UNRESPONDED,
					Duration.ofNanos(System.nanoTime() - polledAtNanos)));
			return;
		}
		this.runningTasks.add(running);
		try {
			this.threads.newThread(() -> run(running, invoker)).start();
		}
		catch (RuntimeException | OutOfMemoryError ex) {
			// No thread to spare: run the task here rather than lose it; this poller waits meanwhile.
			logger.warn("Could not start a thread for activity task {}; running it on the poller",
					running.taskTokenFingerprint(), ex);
			run(running, invoker);
		}
	}

	private SwfActivityEndpoint unknownType(PollForActivityTaskResponse task) {
		// A task of a type no method here implements: it is responded failed, with the first
		// endpoint's settings for its heartbeats.
		SwfActivityEndpoint first = this.endpoints.get(0);
		String name = (task.activityType() != null) ? task.activityType().name() : "unknown";
		String version = (task.activityType() != null) ? task.activityType().version() : "unknown";
		return new SwfActivityEndpoint(first.bean(), first.method(), name, version, this.key.domain(),
				this.key.taskList(), null, null, null, null, null, null, false);
	}

	private HeartbeatOptions options(SwfActivityEndpoint endpoint, PollForActivityTaskResponse task, Instant polledAt) {
		return HeartbeatOptions.defaults()
			.withActivityTask(ActivityTaskInfo.of(task, this.key.domain()))
			.withPolledAt(polledAt)
			.withHeartbeatTimeout(endpoint.heartbeatTimeout())
			.withMaxCancellationLatency(endpoint.maxCancellationLatency())
			.withStartToCloseTimeout(endpoint.startToCloseTimeout());
	}

	private void run(RunningActivityTask running, @Nullable ActivityMethodInvoker invoker) {
		ActivityTaskOutcome outcome = ActivityTaskOutcome.UNRESPONDED;
		BooleanSupplier abandon = () -> running.isAbandoned() || running.isStalled();
		try {
			outcome = (invoker != null) ? this.runner.run(running, invoker, abandon) : this.responder.failed(running,
					"Unknown activity type", "No @SwfActivity method implements " + running.endpoint().activityType()
							+ " on " + this.key, abandon);
		}
		catch (RuntimeException | Error ex) {
			logger.error("Activity task {} ({}) could not be responded", running.taskTokenFingerprint(),
					running.endpoint().activityType(), ex);
		}
		finally {
			// Heartbeats end only now that SWF has the answer, or cannot take it any more.
			running.stopHeartbeats();
			this.runningTasks.remove(running);
			this.slots.release();
			ActivityTaskOutcome ended = (running.isStalled() && outcome != ActivityTaskOutcome.COMPLETED
					&& outcome != ActivityTaskOutcome.FAILED && outcome != ActivityTaskOutcome.CANCELED)
							? ActivityTaskOutcome.STALLED : outcome;
			Duration duration = Duration.ofNanos(System.nanoTime() - running.polledAtNanos());
			notify((listener) -> listener.taskEnded(running.endpoint(), ended, duration));
		}
	}

	/**
	 * Stops the heartbeats of tasks whose work reported no progress within its progress timeout,
	 * so that SWF times them out and the workflow can retry them elsewhere.
	 * @param now the current {@link System#nanoTime()}
	 */
	void detectStalls(long now) {
		for (RunningActivityTask task : this.runningTasks) {
			Duration timeout = task.endpoint().progressTimeout();
			if (timeout == null || task.isStalled()) {
				continue;
			}
			long since = now - task.lastProgressNanos();
			if (since > timeout.toNanos() && task.markStalled()) {
				Duration sinceProgress = Duration.ofNanos(since);
				logger.warn("Activity task {} ({}) reported no progress for {}: stopping its heartbeats so that SWF "
						+ "times it out", task.taskTokenFingerprint(), task.endpoint().activityType(), sinceProgress);
				task.stopHeartbeats();
				if (task.endpoint().interruptOnStall()) {
					task.interruptWork();
				}
				notify((listener) -> listener.taskStalled(task.endpoint(), task.taskTokenFingerprint(), sinceProgress));
			}
		}
	}

	private void notify(Consumer<SwfWorkerListener> event) {
		try {
			event.accept(this.listener);
		}
		catch (RuntimeException ex) {
			logger.warn("A worker listener failed", ex);
		}
	}

	private static void join(Thread thread, long deadline) {
		long millis = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
		if (millis <= 0) {
			return;
		}
		try {
			thread.join(millis);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	private static void pause(long millis) {
		try {
			Thread.sleep(millis);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	@Override
	public String toString() {
		return "SwfActivityContainer[" + this.key + "]";
	}

}
