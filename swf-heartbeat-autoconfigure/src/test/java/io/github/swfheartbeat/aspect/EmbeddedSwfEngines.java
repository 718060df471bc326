package io.github.swfheartbeat.aspect;

import java.time.Duration;

import io.github.swfheartbeat.engine.HeartbeatEngine;
import io.github.swfheartbeat.engine.HeartbeatEngineSettings;
import io.github.swfheartbeat.engine.HeartbeatListener;
import io.github.swfheartbeat.engine.SwfAsyncClientTransport;
import io.github.swfheartbeat.test.EmbeddedSwf;

/**
 * Engines over the embedded SWF endpoint, built as the engine's auto-configuration builds them:
 * the real asynchronous transport, every listener added before the first task.
 */
public final class EmbeddedSwfEngines {

	private EmbeddedSwfEngines() {
	}

	/**
	 * Starts an engine with default settings (no shutdown grace period, so tests end quickly).
	 * @param swf the endpoint
	 * @param listeners the listeners to add
	 * @return the engine
	 */
	public static HeartbeatEngine start(EmbeddedSwf swf, Iterable<? extends HeartbeatListener> listeners) {
		HeartbeatEngine engine = new HeartbeatEngine(new SwfAsyncClientTransport(swf.asyncClient()),
				HeartbeatEngineSettings.builder().shutdownGracePeriod(Duration.ZERO).build());
		listeners.forEach(engine::addListener);
		return engine;
	}

}
