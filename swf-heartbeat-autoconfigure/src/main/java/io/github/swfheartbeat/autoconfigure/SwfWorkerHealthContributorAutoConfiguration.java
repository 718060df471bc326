package io.github.swfheartbeat.autoconfigure;

import io.github.swfheartbeat.health.SwfWorkerHealthIndicator;
import io.github.swfheartbeat.worker.SwfActivityContainerRegistry;

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
 * {@link EnableAutoConfiguration Auto-configuration} for {@link SwfWorkerHealthIndicator}, shown
 * as {@code swfWorker} by the health endpoint.
 */
@AutoConfiguration(after = SwfWorkerAutoConfiguration.class)
@ConditionalOnClass({ AbstractHealthIndicator.class, ConditionalOnEnabledHealthIndicator.class })
@ConditionalOnBean(SwfActivityContainerRegistry.class)
@ConditionalOnEnabledHealthIndicator("swf-worker")
@EnableConfigurationProperties(SwfWorkerProperties.class)
public final class SwfWorkerHealthContributorAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean(name = "swfWorkerHealthIndicator")
	SwfWorkerHealthIndicator swfWorkerHealthIndicator(SwfActivityContainerRegistry registry,
			SwfWorkerProperties properties) {
		int threshold = properties.getHealth().getPollFailureThreshold();
		if (threshold < 1) {
			throw new InvalidConfigurationPropertyValueException("swf.worker.health.poll-failure-threshold", threshold,
					"It must be at least 1");
		}
		return new SwfWorkerHealthIndicator(registry, threshold);
	}

}
