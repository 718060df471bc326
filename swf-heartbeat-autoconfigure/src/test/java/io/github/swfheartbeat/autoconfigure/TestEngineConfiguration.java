package io.github.swfheartbeat.autoconfigure;

import io.github.swfheartbeat.aspect.InMemoryHeartbeatTransport;
import io.github.swfheartbeat.core.HeartbeatTemplate;
import io.github.swfheartbeat.engine.HeartbeatEngine;
import io.github.swfheartbeat.engine.HeartbeatListener;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Stands in for the engine's auto-configuration in tests: an engine over an in-memory transport
 * with every {@link HeartbeatListener} bean added, and its template.
 */
@Configuration(proxyBeanMethods = false)
class TestEngineConfiguration {

	@Bean
	InMemoryHeartbeatTransport inMemoryHeartbeatTransport() {
		return new InMemoryHeartbeatTransport();
	}

	@Bean
	HeartbeatEngine heartbeatEngine(InMemoryHeartbeatTransport transport, ObjectProvider<HeartbeatListener> listeners) {
		HeartbeatEngine engine = transport.startEngine();
		listeners.orderedStream().forEach(engine::addListener);
		return engine;
	}

	@Bean
	HeartbeatTemplate heartbeatTemplate(HeartbeatEngine engine) {
		return new HeartbeatTemplate(engine);
	}

}
