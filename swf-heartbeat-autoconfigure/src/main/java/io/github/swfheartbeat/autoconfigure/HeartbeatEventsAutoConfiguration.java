package io.github.swfheartbeat.autoconfigure;

import io.github.swfheartbeat.engine.HeartbeatEngine;
import io.github.swfheartbeat.event.ActivityCancellationRequestedEvent;
import io.github.swfheartbeat.event.ActivityTaskLostEvent;
import io.github.swfheartbeat.event.HeartbeatEventPublisher;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;

/**
 * Auto-configuration that publishes the heartbeat engine's
 * cancellation requests and lost tasks as {@link ActivityCancellationRequestedEvent} and
 * {@link ActivityTaskLostEvent}. The engine's auto-configuration adds every
 * {@code HeartbeatListener} bean, this publisher included, to every engine bean, one the
 * application defines too.
 */
@AutoConfiguration(afterName = "io.github.swfheartbeat.autoconfigure.HeartbeatAutoConfiguration")
@ConditionalOnBean(HeartbeatEngine.class)
@ConditionalOnBooleanProperty(name = "swf.heartbeat.events.enabled", matchIfMissing = true)
public final class HeartbeatEventsAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	HeartbeatEventPublisher heartbeatEventPublisher(ApplicationEventPublisher applicationEventPublisher) {
		return new HeartbeatEventPublisher(applicationEventPublisher);
	}

}
