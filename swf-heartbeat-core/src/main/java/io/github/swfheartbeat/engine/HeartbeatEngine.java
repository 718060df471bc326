package io.github.swfheartbeat.engine;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import io.github.swfheartbeat.core.ActivityTaskInfo;
import io.github.swfheartbeat.core.DetailsOverflow;
import io.github.swfheartbeat.core.HeartbeatException;
import io.github.swfheartbeat.core.HeartbeatHandle;
import io.github.swfheartbeat.core.HeartbeatOptions;
import io.github.swfheartbeat.core.HeartbeatService;
import io.github.swfheartbeat.core.TaskTokens;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps any number of SWF activity tasks alive from one scheduler thread.
 * <ul>
 * <li>Each task's heartbeats go out as late as its heartbeat timeout allows, keeping room for a
 * retry and the measured round trip, or sooner when its maximum cancellation latency asks for
 * it.</li>
 * <li>One rate limit is shared by every task of the JVM; when demand exceeds it, the task closest
 * to its deadline goes first, and plans are spread ahead of deadlines. Throttling lowers the rate,
 * which climbs back while calls wait for it.</li>
 * <li>Details are coalesced: the newest value goes out with the next heartbeat.</li>
 * <li>Cancellation requests and lost tasks are reported once per task to
 * {@link HeartbeatListener}s, off the scheduler thread.</li>
 * </ul>
 * The scheduler thread never blocks on I/O: calls go through a non-blocking
 * {@link HeartbeatTransport}. Create it, use it, {@link #close()} it.
 */
public final class HeartbeatEngine implements HeartbeatService, AutoCloseable {

	private static final Logger logger = LoggerFactory.getLogger(HeartbeatEngine.class);

	private static final Duration ONE_SHOT_GRACE = Duration.ofSeconds(2);

	/**
	 * Listener lanes and stage completions share a bounded pool: a mass loss of thousands of tasks
	 * queues notifications rather than starting a thread for each.
	 */
	static final int LISTENER_THREADS = 8;

	/**
	 * Threads that hand calls to the transport. The SDK resolves credentials and signs on them, so
	 * one provider that blocks (IMDS, STS) holds up one of them, not the scheduler.
	 */
	static final int SENDER_THREADS = 4;

	private final HeartbeatEngineSettings settings;

	private final HeartbeatTransport transport;

	private final EngineClock clock;

	private final ConcurrentMap<String, TrackedTask> tasks = new ConcurrentHashMap<>();

	private final EngineStatistics statistics = new EngineStatistics();

	private final ListenerDispatcher listeners;

	private final @Nullable ExecutorService ownListenerExecutor;

	private final @Nullable ExecutorService ownSenderExecutor;

	private final HeartbeatScheduler scheduler;

	private final @Nullable Thread thread;

	private volatile boolean accepting = true;

	/**
	 * Creates and starts an engine.
	 * @param transport how heartbeats reach SWF
	 * @param settings the settings
	 */
	public HeartbeatEngine(HeartbeatTransport transport, HeartbeatEngineSettings settings) {
		this(transport, settings, EngineClock.system());
	}

	/**
	 * Creates and starts an engine on a clock of its own, such as the virtual clock of a test's
	 * SWF endpoint.
	 * @param transport how heartbeats reach SWF
	 * @param settings the settings
	 * @param clock the time source, which also decides how the scheduler waits
	 */
	public HeartbeatEngine(HeartbeatTransport transport, HeartbeatEngineSettings settings, EngineClock clock) {
		this(transport, settings, Objects.requireNonNull(clock, "clock must not be null"), null, true);
	}

	/**
	 * Creates an engine; a stopped one is driven step by step through {@link #scheduler()}, for
	 * tests with a controlled clock.
	 * @param transport how heartbeats reach SWF
	 * @param settings the settings
	 * @param clock the time source
	 * @param listenerExecutor runs listener lanes, or {@code null} for a pool of the engine's own
	 * @param start whether to start the scheduler thread
	 */
	HeartbeatEngine(HeartbeatTransport transport, HeartbeatEngineSettings settings, EngineClock clock,
			@Nullable Executor listenerExecutor, boolean start) {
		this(transport, settings, clock, listenerExecutor, start ? null : Runnable::run, start);
	}

	/**
	 * Creates an engine with the given executors.
	 * @param transport how heartbeats reach SWF
	 * @param settings the settings
	 * @param clock the time source
	 * @param listenerExecutor runs listener lanes, or {@code null} for a pool of the engine's own
	 * @param senderExecutor hands calls to the transport, or {@code null} for a pool of the engine's own
	 * @param start whether to start the scheduler thread
	 */
	HeartbeatEngine(HeartbeatTransport transport, HeartbeatEngineSettings settings, EngineClock clock,
			@Nullable Executor listenerExecutor, @Nullable Executor senderExecutor, boolean start) {
		this.transport = Objects.requireNonNull(transport, "transport must not be null");
		this.settings = Objects.requireNonNull(settings, "settings must not be null");
		this.clock = clock;
		this.ownListenerExecutor = (listenerExecutor != null) ? null
				: boundedPool("swf-heartbeat-listener-", LISTENER_THREADS);
		this.listeners = new ListenerDispatcher((listenerExecutor != null) ? listenerExecutor : this.ownListenerExecutor);
		this.ownSenderExecutor = (senderExecutor != null) ? null : boundedPool("swf-heartbeat-sender-", SENDER_THREADS);
		Thread loop = start ? new Thread(this::runLoop, "swf-heartbeat-scheduler") : null;
		this.thread = loop;
		this.scheduler = new HeartbeatScheduler(settings, clock, transport, this.listeners, this.tasks, this.statistics,
				(senderExecutor != null) ? senderExecutor : this.ownSenderExecutor,
				(loop != null) ? () -> clock.wakeUp(loop) : () -> {
				});
		if (loop != null) {
			loop.setDaemon(true);
			loop.start();
		}
	}

	/**
	 * Starts heartbeating a task until the returned handle is closed. Starting a task whose token
	 * is already heartbeated shares that task: heartbeats stop when the last handle closes, and
	 * the stricter of the callers' options apply (the shorter timeouts and cancellation latency,
	 * the earlier poll).
	 * @param taskToken the task's token
	 * @param options per-task options
	 * @return the handle
	 * @throws IllegalArgumentException if the token is invalid
	 * @throws IllegalStateException if the engine is shutting down
	 */
	@Override
	public HeartbeatHandle start(String taskToken, HeartbeatOptions options) {
		TaskTokens.requireValid(taskToken);
		Objects.requireNonNull(options, "options must not be null");
		requireAccepting();
		TrackedTask[] created = new TrackedTask[1];
		TrackedTask task = this.tasks.compute(taskToken, (token, existing) -> {
			if (existing != null) {
				existing.references++;
				return existing;
			}
			created[0] = new TrackedTask(token, options, null);
			return created[0];
		});
		if (created[0] != null) {
			this.statistics.activeTasks.incrementAndGet();
			this.scheduler.register(task);
		}
		else {
			this.scheduler.tighten(task, options);
		}
		if (this.scheduler.isTerminated()) {
			// Shut down while registering: the scheduler may never see the task.
			release(task);
			requireAccepting();
			throw new IllegalStateException("The heartbeat engine is shut down and accepts no new tasks");
		}
		return new TaskHandle(this, task);
	}

	/**
	 * Records one heartbeat as soon as the rate limit allows, retrying transient errors within the
	 * call timeout. If the token's task is also heartbeated in the background, a cancellation
	 * request or loss found this way is reported for it too.
	 * @param taskToken the task's token
	 * @param details details to send, or {@code null}
	 * @param activityTask what is known about the task
	 * @return a future completed with whether cancellation was requested
	 */
	@Override
	public CompletableFuture<Boolean> heartbeatOnce(String taskToken, @Nullable String details,
			ActivityTaskInfo activityTask) {
		TaskTokens.requireValid(taskToken);
		if (this.scheduler.isTerminated()) {
			throw new IllegalStateException("The heartbeat engine is shut down");
		}
		CompletableFuture<Boolean> result = new CompletableFuture<>();
		TrackedTask task = new TrackedTask(taskToken,
				HeartbeatOptions.defaults().withActivityTask((activityTask != null) ? activityTask : ActivityTaskInfo.unknown()),
				result);
		task.details.set(checkDetails(task, details));
		this.scheduler.sendOnce(task);
		if (this.scheduler.isTerminated()) {
			// Shut down while posting: the scheduler may never see the call.
			result.completeExceptionally(new HeartbeatException("The heartbeat engine is shut down"));
		}
		// The scheduler gives up after the call timeout; this bounds the wait even if the call
		// was posted the moment the engine terminated.
		return result.orTimeout(this.settings.callTimeout().plus(ONE_SHOT_GRACE).toMillis(), TimeUnit.MILLISECONDS);
	}

	/**
	 * Adds a listener; it runs on a lane of its own.
	 * @param listener the listener
	 */
	public void addListener(HeartbeatListener listener) {
		this.listeners.add(Objects.requireNonNull(listener, "listener must not be null"));
	}

	/**
	 * Removes a listener.
	 * @param listener the listener
	 * @return whether it was registered
	 */
	public boolean removeListener(HeartbeatListener listener) {
		return this.listeners.remove(listener);
	}

	/**
	 * Returns a summary of the engine's state.
	 * @return the statistics
	 */
	public HeartbeatStats stats() {
		long now = this.clock.nanoTime();
		return this.statistics.snapshot(now, this.scheduler.currentRate(), this.accepting,
				this.scheduler.isTerminated() ? List.of() : this.tasks.values(), this.scheduler.discoveryFailures());
	}

	/**
	 * Returns the settings.
	 * @return the settings
	 */
	public HeartbeatEngineSettings settings() {
		return this.settings;
	}

	/**
	 * Returns the transport, for other calls about the same tasks (such as
	 * {@code RespondActivityTaskCanceled}).
	 * @return the transport
	 */
	public HeartbeatTransport transport() {
		return this.transport;
	}

	/**
	 * Begins shutdown with the configured grace period.
	 * @return a future completed when nothing more will be sent
	 * @see #shutdown(Duration)
	 */
	public CompletableFuture<Void> shutdown() {
		return shutdown(this.settings.shutdownGracePeriod());
	}

	/**
	 * Begins shutdown: new tasks are refused at once; tasks in flight keep their heartbeats until
	 * their work ends or the grace period is over; then nothing more is sent. Calling it again
	 * has no further effect.
	 * @param gracePeriod how long running tasks keep their heartbeats
	 * @return a future completed when nothing more will be sent
	 */
	public CompletableFuture<Void> shutdown(Duration gracePeriod) {
		this.accepting = false;
		this.scheduler.shutdown(gracePeriod);
		return this.scheduler.termination().whenComplete((ignored, failure) -> releaseThreads());
	}

	/**
	 * Whether shutdown has completed: nothing more will be sent.
	 * @return whether the engine is terminated
	 */
	public boolean isTerminated() {
		return this.scheduler.isTerminated();
	}

	/**
	 * Shuts down with the configured grace period and waits until nothing more will be sent.
	 * Closing twice is harmless.
	 */
	@Override
	public void close() {
		CompletableFuture<Void> termination = shutdown();
		try {
			termination.get(this.settings.shutdownGracePeriod().toMillis() + 5_000, TimeUnit.MILLISECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		catch (TimeoutException | java.util.concurrent.ExecutionException ex) {
			logger.warn("Heartbeat engine did not stop in time", ex);
		}
	}

	/**
	 * Returns the scheduler, to drive a stopped engine in tests.
	 * @return the scheduler
	 */
	HeartbeatScheduler scheduler() {
		return this.scheduler;
	}

	int trackedTokenCount() {
		return this.tasks.size();
	}

	@Nullable TrackedTask trackedTask(String taskToken) {
		return this.tasks.get(taskToken);
	}

	void release(TrackedTask task) {
		boolean[] last = new boolean[1];
		this.tasks.computeIfPresent(task.token, (token, current) -> {
			if (current != task) {
				return current;
			}
			if (--current.references == 0) {
				last[0] = true;
				return null;
			}
			return current;
		});
		if (last[0]) {
			this.scheduler.close(task);
		}
	}

	@Nullable String checkDetails(TrackedTask task, @Nullable String details) {
		if (details == null || details.length() <= this.settings.maxDetailsLength()) {
			return details;
		}
		if (this.settings.detailsOverflow() == DetailsOverflow.FAIL) {
			throw new IllegalArgumentException("Heartbeat details for " + task.fingerprint() + " are " + details.length()
					+ " characters long; at most " + this.settings.maxDetailsLength()
					+ " are allowed (swf.heartbeat.max-details-length)");
		}
		if (task.truncationWarned.compareAndSet(false, true)) {
			logger.warn("Heartbeat details for {} are {} characters long; sending the first {} "
					+ "(swf.heartbeat.details-overflow=TRUNCATE)", task.fingerprint(), details.length(),
					this.settings.maxDetailsLength());
		}
		return details.substring(0, this.settings.maxDetailsLength());
	}

	private void requireAccepting() {
		String failure = this.statistics.engineFailure;
		if (failure != null) {
			throw new IllegalStateException("The heartbeat engine failed and accepts no new tasks: " + failure);
		}
		if (!this.accepting) {
			throw new IllegalStateException("The heartbeat engine is shutting down and accepts no new tasks");
		}
	}

	private void runLoop() {
		try {
			while (!this.scheduler.isTerminated()) {
				long next = this.scheduler.step(this.clock.nanoTime());
				if (this.scheduler.isTerminated()) {
					break;
				}
				this.clock.awaitUntil(next);
			}
		}
		catch (Throwable ex) {
			// Nothing will be heartbeated any more: say so for every task, refuse new ones, and
			// let health report the engine DOWN.
			this.accepting = false;
			try {
				this.scheduler.fail(ex);
			}
			finally {
				releaseThreads();
			}
		}
	}

	private void releaseThreads() {
		if (this.ownListenerExecutor != null) {
			this.ownListenerExecutor.shutdown();
		}
		if (this.ownSenderExecutor != null) {
			this.ownSenderExecutor.shutdown();
		}
	}

	private static ExecutorService boundedPool(String namePrefix, int threads) {
		// Starts threads only as far as the work needs them, and keeps none while idle.
		return new OnDemandThreadPool(namePrefix, threads);
	}

}
