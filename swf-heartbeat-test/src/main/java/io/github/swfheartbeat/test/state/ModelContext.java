package io.github.swfheartbeat.test.state;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import io.github.swfheartbeat.test.json.JsonObject;

/**
 * What the parts of the model share: the lock, the clock, the timer thread and the indexes.
 */
final class ModelContext {

	private static final long PAUSED_TIMER_RECHECK_NANOS = 10_000_000L;

	private final Object lock = new Object();

	private final ScheduledThreadPoolExecutor timers;

	final Map<String, Domain> domains = new HashMap<>();

	final Map<String, ActivityTask> activityTasksByToken = new HashMap<>();

	final Map<String, DecisionTask> decisionTasksByToken = new HashMap<>();

	final InternalErrors internalErrors = new InternalErrors();

	volatile Duration longPollTimeout;

	/**
	 * While set, timeout timers do nothing but look again a little later: a test seam showing that
	 * each call judges the deadlines itself, whatever the timer thread is doing.
	 */
	volatile boolean timeoutTimersPaused;

	int openActivityTasks;

	/** The clock tests move, or {@code null} for the system's. */
	private final VirtualTime virtualTime;

	/** What moves the virtual clock, or {@code null} for the system's. */
	final VirtualTimeDriver driver;

	ModelContext(Duration longPollTimeout, boolean virtualTime) {
		this.longPollTimeout = longPollTimeout;
		this.virtualTime = virtualTime ? new VirtualTime(System.currentTimeMillis()) : null;
		this.driver = virtualTime ? new VirtualTimeDriver(this, this.virtualTime) : null;
		this.timers = new ScheduledThreadPoolExecutor(1, (runnable) -> {
			Thread thread = new Thread(runnable, "embedded-swf-timers");
			thread.setDaemon(true);
			return thread;
		});
		// Timers are re-armed lazily and cancelled when a task closes; drop cancelled ones at once so
		// 10,000 open tasks keep the queue at 10,000 entries.
		this.timers.setRemoveOnCancelPolicy(true);
	}

	<T> T locked(Supplier<T> action) {
		synchronized (this.lock) {
			return action.get();
		}
	}

	void locked(Runnable action) {
		synchronized (this.lock) {
			action.run();
		}
	}

	/**
	 * Runs an action on the timer thread after a delay, under the lock.
	 */
	ScheduledFuture<?> schedule(Runnable action, long delayNanos) {
		return scheduleUnlocked(() -> locked(action), delayNanos);
	}

	/**
	 * Runs a timeout's action after a delay, under the lock: on the timer thread unless timeout
	 * timers are paused, or when virtual time passes its moment.
	 */
	Future<?> scheduleTimeout(Runnable action, long delayNanos) {
		if (this.virtualTime != null) {
			return this.virtualTime.schedule(action, delayNanos);
		}
		return schedule(() -> {
			if (this.timeoutTimersPaused) {
				scheduleTimeout(action, PAUSED_TIMER_RECHECK_NANOS);
			}
			else {
				action.run();
			}
		}, delayNanos);
	}

	/**
	 * Runs an action on the timer thread after a delay, without taking the lock.
	 */
	ScheduledFuture<?> scheduleUnlocked(Runnable action, long delayNanos) {
		return this.timers.schedule(() -> {
			try {
				action.run();
			}
			catch (RuntimeException | StackOverflowError ex) {
				// The executor would keep it in a future nobody reads.
				this.internalErrors.record("a timer", ex);
			}
		}, Math.max(0, delayNanos), TimeUnit.NANOSECONDS);
	}

	/**
	 * Parks a poll on a task list until a task arrives or its long poll ends with no task.
	 */
	void park(TaskQueue<?> taskList, PollWaiter waiter, JsonObject noTask) {
		taskList.addWaiter(waiter);
		waiter.expireAfter(schedule(() -> waiter.complete(noTask), this.longPollTimeout.toNanos()));
	}

	long nanoTime() {
		return (this.virtualTime != null) ? this.virtualTime.nanoTime() : System.nanoTime();
	}

	long epochMillisNow() {
		return (this.virtualTime != null) ? this.virtualTime.epochMillisAt(this.virtualTime.nanoTime())
				: System.currentTimeMillis();
	}

	/**
	 * Returns now as SWF writes timestamps: epoch seconds with milliseconds.
	 */
	BigDecimal timestamp() {
		return (this.virtualTime != null) ? timestampAt(nanoTime())
				: BigDecimal.valueOf(System.currentTimeMillis(), 3);
	}

	/**
	 * Moves virtual time forward, applying every timeout that falls due on the way, in order, and
	 * letting engines on the same clock do their work at each of those moments.
	 * @throws IllegalStateException if the model runs on the system's clock
	 */
	void advance(Duration duration) {
		virtualTimeDriver().advance(duration.toNanos());
	}

	VirtualTimeDriver virtualTimeDriver() {
		if (this.driver == null) {
			throw new IllegalStateException("The endpoint runs on the system's clock; build it with virtual time");
		}
		return this.driver;
	}

	/**
	 * Moves virtual time to a moment, applying every timeout due by then.
	 */
	void advanceTo(long nanos) {
		locked(() -> this.virtualTime.advanceTo(nanos, (failure) -> this.internalErrors.record("a timeout", failure)));
	}

	/**
	 * Returns, as SWF writes timestamps, the wall-clock time of a past or future moment on the
	 * {@link #nanoTime()} scale.
	 */
	BigDecimal timestampAt(long nanos) {
		long millis = (this.virtualTime != null) ? this.virtualTime.epochMillisAt(nanos)
				: System.currentTimeMillis() + (nanos - System.nanoTime()) / 1_000_000;
		return BigDecimal.valueOf(millis, 3);
	}

	Domain domain(String name) {
		Domain domain = this.domains.get(name);
		if (domain == null) {
			throw SwfFault.unknownResource("Unknown domain: " + name);
		}
		return domain;
	}

	void shutdown() {
		this.timers.shutdownNow();
	}

}
