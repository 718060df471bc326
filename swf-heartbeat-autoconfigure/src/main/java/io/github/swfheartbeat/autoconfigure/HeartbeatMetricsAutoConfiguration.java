package io.github.swfheartbeat.autoconfigure;

import io.github.swfheartbeat.engine.HeartbeatEngine;
import io.github.swfheartbeat.metrics.HeartbeatCallMeterObservationHandler;
import io.github.swfheartbeat.metrics.HeartbeatMetrics;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/**
 * {@link EnableAutoConfiguration Auto-configuration} for {@link HeartbeatMetrics}, the one timer of
 * heartbeat calls, and {@link HeartbeatCallMeterObservationHandler}, which keeps the observation of
 * each call from timing it again. Ordered after
 * the auto-configuration that creates the {@link MeterRegistry}: without that, this class would
 * sort before it by name and its condition on the registry would never match.
 */
@AutoConfiguration(after = HeartbeatAutoConfiguration.class,
		afterName = "org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration")
@ConditionalOnClass(MeterRegistry.class)
@ConditionalOnBean({ MeterRegistry.class, HeartbeatEngine.class })
public final class HeartbeatMetricsAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	HeartbeatMetrics heartbeatMetrics(ObjectProvider<HeartbeatEngine> heartbeatEngine) {
		// The engine adds every listener bean when it is created, this one included, so the
		// metrics may read its statistics only later: when a gauge is read.
		return new HeartbeatMetrics(() -> heartbeatEngine.getObject().stats());
	}

	@Bean
	@ConditionalOnMissingBean
	HeartbeatCallMeterObservationHandler heartbeatCallMeterObservationHandler() {
		return new HeartbeatCallMeterObservationHandler();
	}

}
