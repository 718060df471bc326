package io.github.swfheartbeat.engine;

import java.time.Instant;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * Time source of the engine: a monotonic clock for scheduling and a wall clock for event
 * timestamps. Tests substitute a clock they advance by hand.
 * <p>
 * A clock also decides how the scheduler thread waits for its next step, and hears when a call
 * to SWF leaves and when its answer is back with the scheduler. The system clock parks the
 * thread and ignores calls; a virtual clock shared with a test's SWF endpoint uses them to move
 * time only while neither the engine nor the endpoint has work in flight (see
 * {@code EmbeddedSwf#engineClock} in {@code swf-heartbeat-test}).
 */
public interface EngineClock {

	/**
	 * Returns monotonic time in nanoseconds, as {@link System#nanoTime()}.
	 * @return the time
	 */
	long nanoTime();

	/**
	 * Returns the wall-clock time.
	 * @return the time
	 */
	Instant now();

	/**
	 * Blocks the scheduler thread until {@link #nanoTime()} reaches a deadline, or until
	 * {@link #wakeUp(Thread)} wakes it; it may return earlier (the scheduler then steps and waits
	 * again). A wake-up that comes before the wait makes the wait return at once.
	 * @param deadlineNanos when the next step is due, {@link Long#MAX_VALUE} when nothing is planned
	 */
	default void awaitUntil(long deadlineNanos) {
		long wait = (deadlineNanos == Long.MAX_VALUE) ? Long.MAX_VALUE : deadlineNanos - nanoTime();
		if (wait > 0) {
			// Looks at the time again at least once a second.
			LockSupport.parkNanos(this, Math.min(wait, TimeUnit.SECONDS.toNanos(1)));
		}
	}

	/**
	 * Wakes a scheduler thread waiting in {@link #awaitUntil(long)}: a command was posted to it.
	 * @param scheduler the scheduler's thread
	 */
	default void wakeUp(Thread scheduler) {
		LockSupport.unpark(scheduler);
	}

	/**
	 * Hears that a call to SWF is handed to a sender thread; {@link #callFinished()} follows
	 * once its answer (or failure) has been posted to the scheduler.
	 */
	default void callStarted() {
	}

	/**
	 * Hears that a call's answer was posted to the scheduler.
	 */
	default void callFinished() {
	}

	/**
	 * Returns the system clock.
	 * @return the clock
	 */
	static EngineClock system() {
		return SystemClock.INSTANCE;
	}

	/**
	 * The system clock.
	 */
	enum SystemClock implements EngineClock {

		/** The only instance. */
		INSTANCE;

		@Override
		public long nanoTime() {
			return System.nanoTime();
		}

		@Override
		public Instant now() {
			return Instant.now();
		}

	}

}
