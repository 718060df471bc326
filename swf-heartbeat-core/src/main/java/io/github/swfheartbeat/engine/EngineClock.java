package io.github.swfheartbeat.engine;

import java.time.Instant;

/**
 * Time source of the engine: a monotonic clock for scheduling and a wall clock for event
 * timestamps. Tests substitute a clock they advance by hand.
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
