package io.github.swfheartbeat.autoconfigure;

import io.github.swfheartbeat.core.HeartbeatService;
import io.github.swfheartbeat.core.HeartbeatTemplate;
import io.github.swfheartbeat.engine.EngineClock;
import io.github.swfheartbeat.engine.HeartbeatEngine;
import io.github.swfheartbeat.engine.HeartbeatEngineSettings;
import io.github.swfheartbeat.engine.HeartbeatListener;
import io.github.swfheartbeat.engine.HeartbeatTransport;
import io.github.swfheartbeat.engine.SwfAsyncClientTransport;
import io.github.swfheartbeat.engine.SwfClientTransport;
import io.github.swfheartbeat.metrics.HeartbeatCallObservationConvention;
import io.github.swfheartbeat.metrics.ObservedHeartbeatTransport;
import io.micrometer.observation.ObservationRegistry;
import software.amazon.awssdk.services.swf.SwfAsyncClient;
import software.amazon.awssdk.services.swf.SwfClient;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.PropertyMapper;
import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * {@link EnableAutoConfiguration Auto-configuration} for the {@link HeartbeatEngine} and the
 * {@link HeartbeatTemplate}. The engine sends heartbeats with the context's {@link SwfAsyncClient},
 * else with its {@link SwfClient}; every {@link HeartbeatListener} bean receives what it does, and
 * what an engine the application defines does. The engine runs on the context's {@link EngineClock}
 * if it has one (a test's virtual time), else on the system's.
 * An application that defines a {@link HeartbeatService} of its own replaces the engine.
 */
@AutoConfiguration(after = SwfClientAutoConfiguration.class)
@ConditionalOnBooleanProperty(name = "swf.heartbeat.enabled", matchIfMissing = true)
@EnableConfigurationProperties(HeartbeatProperties.class)
public final class HeartbeatAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	static HeartbeatListenerAttacher heartbeatListenerAttacher(ObjectProvider<HeartbeatListener> listeners) {
		return new HeartbeatListenerAttacher(listeners);
	}

	@Bean
	@ConditionalOnMissingBean
	HeartbeatTemplate heartbeatTemplate(HeartbeatService heartbeatService) {
		return new HeartbeatTemplate(heartbeatService);
	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnMissingBean(HeartbeatService.class)
	static class HeartbeatEngineConfiguration {

		@Bean
		@ConditionalOnMissingBean
		HeartbeatEngineSettings heartbeatEngineSettings(HeartbeatProperties properties) {
			PropertyMapper map = PropertyMapper.get();
			HeartbeatEngineSettings.Builder settings = HeartbeatEngineSettings.builder();
			map.from(properties::getDefaultHeartbeatTimeout).to(settings::defaultHeartbeatTimeout);
			map.from(properties::getMaxCancellationLatency).to(settings::maxCancellationLatency);
			map.from(properties::getMinSendInterval).to(settings::minSendInterval);
			map.from(properties::getMinSafetyMargin).to(settings::minSafetyMargin);
			map.from(properties::getRateLimit).to(settings::rateLimit);
			map.from(properties::getRateLimitBurst).to(settings::rateLimitBurst);
			map.from(properties::getMaxDetailsLength).to(settings::maxDetailsLength);
			map.from(properties::getDetailsOverflow).to(settings::detailsOverflow);
			map.from(properties::getCallTimeout).to(settings::callTimeout);
			map.from(properties.getRetry()::getInitialBackoff).to(settings::retryInitialBackoff);
			map.from(properties.getRetry()::getMaxBackoff).to(settings::retryMaxBackoff);
			map.from(properties::getShutdownGracePeriod).to(settings::shutdownGracePeriod);
			map.from(properties::isDiscoverHeartbeatTimeouts).to(settings::discoverHeartbeatTimeouts);
			map.from(properties::getDomain).to(settings::defaultDomain);
			return settings.build();
		}

		@Bean
		@ConditionalOnMissingBean
		HeartbeatTransport heartbeatTransport(ObjectProvider<SwfAsyncClient> swfAsyncClient,
				ObjectProvider<SwfClient> swfClient, HeartbeatProperties properties) {
			SwfAsyncClient asyncClient = swfAsyncClient.getIfAvailable();
			if (asyncClient != null) {
				return new SwfAsyncClientTransport(asyncClient);
			}
			SwfClient client = swfClient.getIfAvailable();
			if (client != null) {
				int threads = properties.getSyncClientThreads();
				if (threads < 1) {
					throw new InvalidConfigurationPropertyValueException("swf.heartbeat.sync-client-threads", threads,
							"It must be at least 1");
				}
				return new SwfClientTransport(client, threads);
			}
			throw new MissingSwfClientException();
		}

		@Bean(destroyMethod = "close")
		@ConditionalOnMissingBean
		HeartbeatEngine heartbeatEngine(HeartbeatTransport heartbeatTransport,
				HeartbeatEngineSettings heartbeatEngineSettings, ObjectProvider<ObservationRegistry> observationRegistry,
				ObjectProvider<HeartbeatCallObservationConvention> observationConvention,
				ObjectProvider<EngineClock> engineClock) {
			// Observing here rather than in heartbeatTransport covers a transport the application defines.
			HeartbeatTransport transport = heartbeatTransport;
			ObservationRegistry registry = observationRegistry.getIfUnique();
			if (registry != null && !registry.isNoop()) {
				transport = new ObservedHeartbeatTransport(heartbeatTransport, registry,
						observationConvention.getIfUnique());
			}
			// HeartbeatListenerAttacher adds the listeners, as it does to an engine the application defines.
			// A clock bean is for tests, e.g. the virtual time of an embedded SWF endpoint.
			return new HeartbeatEngine(transport, heartbeatEngineSettings, engineClock.getIfUnique(EngineClock::system));
		}

		@Bean
		@ConditionalOnMissingBean
		HeartbeatEngineLifecycle heartbeatEngineLifecycle(HeartbeatEngine heartbeatEngine) {
			return new HeartbeatEngineLifecycle(heartbeatEngine);
		}

	}

}
