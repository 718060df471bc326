package io.github.swfheartbeat.sample.polling;

import org.springframework.context.SmartLifecycle;

/**
 * Lifecycle phase of the pollers: they start before the web server and stop after it, and stop
 * before the heartbeat engine, whose phase is far lower, so that the work they end while stopping
 * still has its heartbeats.
 */
public final class PollingPhase {

	/** The phase. */
	public static final int PHASE = SmartLifecycle.DEFAULT_PHASE - 4096;

	private PollingPhase() {
	}

}
