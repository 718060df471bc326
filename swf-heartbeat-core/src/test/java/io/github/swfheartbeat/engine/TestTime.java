package io.github.swfheartbeat.engine;

import java.time.Duration;
import java.util.concurrent.Callable;

import io.github.swfheartbeat.test.EmbeddedSwf;

import static org.awaitility.Awaitility.await;

/**
 * Time as an engine test lets it pass: real time, slept, or the virtual time an engine shares with
 * the embedded endpoint, advanced. Tests of logic over time run on virtual time and take
 * milliseconds; tests of time passing in the HTTP stack itself run in real time.
 */
final class TestTime {

	private static final Duration STEP = Duration.ofMillis(100);

	private final EmbeddedSwf swf;

	private final boolean virtual;

	private TestTime(EmbeddedSwf swf, boolean virtual) {
		this.swf = swf;
		this.virtual = virtual;
	}

	static TestTime real(EmbeddedSwf swf) {
		return new TestTime(swf, false);
	}

	/**
	 * The endpoint's virtual time; it must have been built with it.
	 */
	static TestTime virtual(EmbeddedSwf swf) {
		return new TestTime(swf, true);
	}

	EngineClock clock() {
		return this.virtual ? this.swf.engineClock(EngineClock.class) : EngineClock.system();
	}

	/**
	 * Lets time pass: virtual time is advanced, real time slept.
	 */
	void pass(Duration duration) {
		if (this.virtual) {
			this.swf.advance(duration);
		}
		else {
			// The passing of real time is what these tests need (a fault window, a restart), not a
			// condition to wait for.
			await().pollDelay(duration).atMost(duration.plusSeconds(1)).until(() -> true);
		}
	}

	/**
	 * Lets time pass until a condition holds, for at most a while. On virtual time it advances in
	 * small steps, then gives listeners, which are told on their own lane, a moment of real time.
	 */
	void passUntil(Duration atMost, Callable<Boolean> condition) {
		if (!this.virtual) {
			await().atMost(atMost).until(condition);
			return;
		}
		for (Duration passed = Duration.ZERO; passed.compareTo(atMost) < 0 && !holds(condition); passed = passed.plus(STEP)) {
			this.swf.advance(STEP);
		}
		await().atMost(Duration.ofSeconds(5)).until(condition);
	}

	private static boolean holds(Callable<Boolean> condition) {
		try {
			return condition.call();
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

}
