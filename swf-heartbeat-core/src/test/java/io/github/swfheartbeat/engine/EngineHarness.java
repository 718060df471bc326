package io.github.swfheartbeat.engine;

import java.time.Duration;

import io.github.swfheartbeat.core.HeartbeatHandle;
import io.github.swfheartbeat.core.HeartbeatOptions;

/**
 * A stopped engine driven step by step with a manual clock, a scripted transport and listeners
 * called on the test's thread.
 */
final class EngineHarness {

	final ManualClock clock = new ManualClock();

	final ScriptedTransport transport = new ScriptedTransport(this.clock);

	final RecordingListener listener = new RecordingListener();

	final HeartbeatEngine engine;

	EngineHarness(HeartbeatEngineSettings settings) {
		this.engine = new HeartbeatEngine(this.transport, settings, this.clock, Runnable::run, false);
		this.engine.addListener(this.listener);
	}

	EngineHarness() {
		this(HeartbeatEngineSettings.defaults());
	}

	/**
	 * Starts a task polled this instant, unless the options say when it was polled.
	 * @param token the token
	 * @param options the options
	 * @return the handle
	 */
	HeartbeatHandle start(String token, HeartbeatOptions options) {
		return this.engine.start(token,
				(options.effectivePolledAt() != null) ? options : options.withPolledAt(this.clock.now()));
	}

	/**
	 * Runs the scheduler until the clock reaches {@code elapsed} since the start, stepping at
	 * every planned wake-up.
	 * @param elapsed the target time since the clock's start
	 */
	void runUntil(Duration elapsed) {
		long target = this.clock.nanoTime() + elapsed.minus(this.clock.elapsed()).toNanos();
		for (int i = 0; i < 10_000_000; i++) {
			long next = settle();
			if (next > target) {
				this.clock.setNanos(target);
				settle();
				return;
			}
			this.clock.setNanos(next);
		}
		throw new AssertionError("scheduler did not reach " + elapsed);
	}

	void runFor(Duration duration) {
		runUntil(this.clock.elapsed().plus(duration));
	}

	/**
	 * Steps at the current time until no command is pending.
	 * @return the next wake-up
	 */
	long settle() {
		long next = this.engine.scheduler().step(this.clock.nanoTime());
		while (this.engine.scheduler().hasPendingCommands()) {
			next = this.engine.scheduler().step(this.clock.nanoTime());
		}
		return next;
	}

}
