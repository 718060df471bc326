package io.github.swfheartbeat.autoconfigure;

import io.github.swfheartbeat.engine.HeartbeatEngine;
import io.github.swfheartbeat.health.HeartbeatHealthIndicator;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.boot.health.autoconfigure.contributor.ConditionalOnEnabledHealthIndicator;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.context.annotation.Bean;

/**
 * {@link EnableAutoConfiguration Auto-configuration} for {@link HeartbeatHealthIndicator}, shown
 * as {@code swfHeartbeat} by the health endpoint.
 */
@AutoConfiguration(after = HeartbeatAutoConfiguration.class)
@ConditionalOnClass({ AbstractHealthIndicator.class, ConditionalOnEnabledHealthIndicator.class })
@ConditionalOnBean(HeartbeatEngine.class)
@ConditionalOnEnabledHealthIndicator("swf-heartbeat")
@EnableConfigurationProperties(HeartbeatProperties.class)
public final class HeartbeatHealthContributorAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean(name = "swfHeartbeatHealthIndicator")
	HeartbeatHealthIndicator swfHeartbeatHealthIndicator(HeartbeatEngine heartbeatEngine,
			HeartbeatProperties properties) {
		int failureThreshold = properties.getHealth().getFailureThreshold();
		if (failureThreshold < 1) {
			throw new InvalidConfigurationPropertyValueException("swf.heartbeat.health.failure-threshold",
					failureThreshold, "It must be at least 1");
		}
		return new HeartbeatHealthIndicator(heartbeatEngine, failureThreshold);
	}

}
