package io.github.swfheartbeat.autoconfigure;

import io.github.swfheartbeat.metrics.SwfWorkerMetrics;
import io.github.swfheartbeat.worker.SwfActivityAnnotationBeanPostProcessor;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/**
 * {@link EnableAutoConfiguration Auto-configuration} for {@link SwfWorkerMetrics}. Ordered after
 * the auto-configuration that creates the {@link MeterRegistry}: without that, this class would
 * sort before it by name and its condition on the registry would never match.
 */
@AutoConfiguration(after = SwfWorkerAutoConfiguration.class,
		afterName = "org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration")
@ConditionalOnClass(MeterRegistry.class)
@ConditionalOnBean({ MeterRegistry.class, SwfActivityAnnotationBeanPostProcessor.class })
public final class SwfWorkerMetricsAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	SwfWorkerMetrics swfWorkerMetrics() {
		return new SwfWorkerMetrics();
	}

}
