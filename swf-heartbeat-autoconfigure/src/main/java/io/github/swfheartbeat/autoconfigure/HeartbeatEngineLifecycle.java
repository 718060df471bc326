package io.github.swfheartbeat.autoconfigure;

import io.github.swfheartbeat.engine.HeartbeatEngine;

import org.springframework.context.SmartLifecycle;

/**
 * Shuts the {@link HeartbeatEngine} down gracefully when the application context closes: new
 * tasks are refused at once, tasks in flight keep their heartbeats until their work ends or
 * {@code swf.heartbeat.shutdown-grace-period} is over. The context's wait for one shutdown phase
 * ({@code spring.lifecycle.timeout-per-shutdown-phase}, 30 seconds by default) bounds the wait;
 * closing the engine when its bean is destroyed bounds it again.
 */
final class HeartbeatEngineLifecycle implements SmartLifecycle {

	/**
	 * Lower than the phases of pollers, executors and the web server, which therefore stop first:
	 * work they let finish while stopping keeps its heartbeats.
	 */
	static final int PHASE = Integer.MIN_VALUE / 2;

	private final HeartbeatEngine engine;

	private volatile boolean running;

	HeartbeatEngineLifecycle(HeartbeatEngine engine) {
		this.engine = engine;
	}

	@Override
	public void start() {
		// The engine runs from its creation; there is nothing to start.
		this.running = true;
	}

	@Override
	public void stop() {
		this.running = false;
		this.engine.close();
	}

	@Override
	public void stop(Runnable callback) {
		this.running = false;
		this.engine.shutdown().whenComplete((result, failure) -> callback.run());
	}

	@Override
	public boolean isRunning() {
		return this.running;
	}

	@Override
	public int getPhase() {
		return PHASE;
	}

}
