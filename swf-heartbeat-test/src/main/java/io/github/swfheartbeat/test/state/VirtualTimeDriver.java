package io.github.swfheartbeat.test.state;

import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * Moves virtual time shared by the endpoint and heartbeat engines: time jumps from one due moment
 * to the next (a planned engine step, a timeout of the endpoint), and only while nothing is in
 * flight on either side: no exchange being handled by the endpoint, no engine call between its
 * sender and its scheduler, no engine scheduler awake. A call between the two sides is always
 * counted by the engine, from the moment it is handed to a sender until its answer is posted back,
 * so there is no moment at which both sides look idle while it travels.
 *
 * <p>Lock order: this driver's lock, then the model's.
 */
final class VirtualTimeDriver {

	/** How long, in real time, work may stay in flight before an advance gives up. */
	private static final long STALL_NANOS = Duration.ofSeconds(30).toNanos();

	private static final long POLL_MILLIS = 5;

	private final ModelContext context;

	private final VirtualTime time;

	private final Object lock = new Object();

	private int inFlight;

	/** Engine schedulers that run a step. */
	private final Set<Thread> awake = new HashSet<>();

	/** Engine schedulers woken while running: their next wait returns at once. */
	private final Set<Thread> permits = new HashSet<>();

	/** Engine schedulers that wait, each until its deadline. */
	private final Map<Thread, Long> sleepers = new HashMap<>();

	VirtualTimeDriver(ModelContext context, VirtualTime time) {
		this.context = context;
		this.time = time;
	}

	void workStarted() {
		synchronized (this.lock) {
			this.inFlight++;
		}
	}

	void workFinished() {
		synchronized (this.lock) {
			if (--this.inFlight <= 0) {
				this.inFlight = 0;
				this.lock.notifyAll();
			}
		}
	}

	void wakeUp(Thread scheduler) {
		synchronized (this.lock) {
			this.awake.add(scheduler);
			if (this.sleepers.remove(scheduler) != null) {
				this.lock.notifyAll();
			}
			else {
				this.permits.add(scheduler);
			}
		}
	}

	/**
	 * Blocks an engine's scheduler thread until virtual time reaches its deadline or it is woken.
	 */
	void awaitUntil(long deadlineNanos) {
		Thread scheduler = Thread.currentThread();
		synchronized (this.lock) {
			if (this.permits.remove(scheduler) || deadlineNanos <= this.time.nanoTime()) {
				this.awake.add(scheduler);
				return;
			}
			this.awake.remove(scheduler);
			this.sleepers.put(scheduler, deadlineNanos);
			this.lock.notifyAll();
			try {
				while (this.sleepers.containsKey(scheduler)) {
					this.lock.wait();
				}
			}
			catch (InterruptedException ex) {
				this.sleepers.remove(scheduler);
				this.awake.add(scheduler);
				Thread.currentThread().interrupt();
			}
		}
	}

	/**
	 * Moves time forward by a duration, stopping at every due moment on the way until the work it
	 * caused is done.
	 * @throws IllegalStateException if work stays in flight for 30 seconds of real time
	 */
	void advance(long durationNanos) {
		if (durationNanos < 0) {
			throw new IllegalArgumentException("Time only moves forward");
		}
		synchronized (this.lock) {
			long target = this.time.nanoTime() + durationNanos;
			while (true) {
				awaitQuiet();
				long next = Math.min(earliestSleeper(), this.context.locked(this.time::nextDueNanos));
				if (next > target) {
					this.context.advanceTo(target);
					return;
				}
				this.context.advanceTo(next);
				wakeSleepersDueBy(next);
			}
		}
	}

	private void awaitQuiet() {
		long start = System.nanoTime();
		while (this.inFlight > 0 || anySchedulerAwake()) {
			if (System.nanoTime() - start > STALL_NANOS) {
				throw new IllegalStateException("Virtual time cannot move: work has been in flight for "
						+ Duration.ofNanos(STALL_NANOS).toSeconds() + " s of real time (" + this.inFlight
						+ " calls or exchanges, " + this.awake.size() + " engine schedulers running)");
			}
			try {
				// Timed: a scheduler thread that ended is seen only by looking.
				this.lock.wait(POLL_MILLIS);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException("Interrupted while waiting for work in flight", ex);
			}
		}
	}

	private boolean anySchedulerAwake() {
		// An engine that shut down leaves its thread's last state behind.
		this.awake.removeIf((thread) -> !thread.isAlive());
		this.sleepers.keySet().removeIf((thread) -> !thread.isAlive());
		return !this.awake.isEmpty();
	}

	private long earliestSleeper() {
		long earliest = Long.MAX_VALUE;
		for (long deadline : this.sleepers.values()) {
			earliest = Math.min(earliest, deadline);
		}
		return earliest;
	}

	private void wakeSleepersDueBy(long nanos) {
		boolean woke = this.sleepers.entrySet().removeIf((sleeper) -> {
			if (sleeper.getValue() <= nanos) {
				this.awake.add(sleeper.getKey());
				return true;
			}
			return false;
		});
		if (woke) {
			this.lock.notifyAll();
		}
	}

}
