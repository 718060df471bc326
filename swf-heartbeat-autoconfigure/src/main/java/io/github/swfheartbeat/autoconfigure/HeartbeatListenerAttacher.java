package io.github.swfheartbeat.autoconfigure;

import java.util.List;

import io.github.swfheartbeat.engine.HeartbeatEngine;
import io.github.swfheartbeat.engine.HeartbeatListener;

import org.springframework.beans.BeansException;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;

/**
 * Adds every {@link HeartbeatListener} bean (the event publisher and the metrics among them) to
 * every {@link HeartbeatEngine} bean as soon as the engine is initialized, whether the
 * auto-configuration or the application created it. If the listeners cannot be created then, the
 * engine is closed and start-up fails saying why, rather than running without them.
 */
final class HeartbeatListenerAttacher implements BeanPostProcessor {

	private final ObjectProvider<HeartbeatListener> listeners;

	HeartbeatListenerAttacher(ObjectProvider<HeartbeatListener> listeners) {
		this.listeners = listeners;
	}

	@Override
	public Object postProcessAfterInitialization(Object bean, String beanName) {
		if (!(bean instanceof HeartbeatEngine engine)) {
			return bean;
		}
		List<HeartbeatListener> found;
		try {
			found = this.listeners.orderedStream().toList();
		}
		catch (BeansException ex) {
			// The engine's thread already runs, and a bean that fails here is never destroyed.
			engine.close();
			throw new IllegalStateException("The HeartbeatListener beans could not be added to the HeartbeatEngine bean '"
					+ beanName + "', so its events and metrics would be missing: " + ex.getMessage()
					+ ". A listener that needs the engine should take an ObjectProvider<HeartbeatEngine> and look it up "
					+ "when notified", ex);
		}
		for (HeartbeatListener listener : found) {
			// An engine the application built may have added some of them itself: never twice.
			engine.removeListener(listener);
			engine.addListener(listener);
		}
		return bean;
	}

}
