package io.github.swfheartbeat.autoconfigure;

import java.util.List;

import io.github.swfheartbeat.engine.HeartbeatTransport;
import io.github.swfheartbeat.health.SwfWorkerHealthIndicator;
import io.github.swfheartbeat.metrics.SwfWorkerMetrics;
import io.github.swfheartbeat.worker.ActivityPayloadConverter;
import io.github.swfheartbeat.worker.JsonActivityPayloadConverter;
import io.github.swfheartbeat.worker.SwfActivity;
import io.github.swfheartbeat.worker.SwfActivityAnnotationBeanPostProcessor;
import io.github.swfheartbeat.worker.SwfActivityContainerRegistry;
import io.github.swfheartbeat.worker.SwfWorkerEventPublisher;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.swf.SwfClient;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link SwfWorkerAutoConfiguration}, {@link SwfWorkerHealthContributorAutoConfiguration}
 * and {@link SwfWorkerMetricsAutoConfiguration}.
 */
class SwfWorkerAutoConfigurationTests {

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(HeartbeatAutoConfiguration.class, SwfWorkerAutoConfiguration.class,
				SwfWorkerHealthContributorAutoConfiguration.class))
		.withBean(HeartbeatTransport.class, StubHeartbeatTransport::new);

	@Test
	void defaultCreatesTheRegistryTheConverterAndTheIndicator() {
		this.contextRunner.run((context) -> {
			assertThat(context).hasSingleBean(SwfActivityAnnotationBeanPostProcessor.class)
				.hasSingleBean(SwfActivityContainerRegistry.class)
				.hasSingleBean(JsonActivityPayloadConverter.class)
				.hasSingleBean(SwfWorkerEventPublisher.class)
				.hasBean("swfWorkerHealthIndicator");
			SwfActivityContainerRegistry registry = context.getBean(SwfActivityContainerRegistry.class);
			// No @SwfActivity methods: nothing polls, and no SwfClient is needed.
			assertThat(registry.isRunning()).isTrue();
			assertThat(registry.containers()).isEmpty();
			Health health = context.getBean(SwfWorkerHealthIndicator.class).health();
			assertThat(health.getStatus()).isEqualTo(Status.UP);
		});
	}

	@Test
	void usesBootsJsonMapperWhenThereIsOne() {
		this.contextRunner.withConfiguration(AutoConfigurations.of(JacksonAutoConfiguration.class)).run((context) -> {
			assertThat(context).hasSingleBean(JsonMapper.class);
			ActivityPayloadConverter converter = context.getBean(ActivityPayloadConverter.class);
			assertThat(converter.write(List.of(1, 2))).isEqualTo("[1,2]");
		});
	}

	@Test
	void switchedOffByProperty() {
		this.contextRunner.withPropertyValues("swf.worker.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean(SwfActivityContainerRegistry.class)
				.doesNotHaveBean(SwfActivityAnnotationBeanPostProcessor.class)
				.doesNotHaveBean(SwfWorkerHealthIndicator.class));
	}

	@Test
	void absentWithoutHeartbeats() {
		this.contextRunner.withPropertyValues("swf.heartbeat.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean(SwfActivityContainerRegistry.class));
	}

	@Test
	void healthIndicatorSwitchedOffByProperty() {
		this.contextRunner.withPropertyValues("management.health.swf-worker.enabled=false")
			.run((context) -> assertThat(context).hasSingleBean(SwfActivityContainerRegistry.class)
				.doesNotHaveBean(SwfWorkerHealthIndicator.class));
	}

	@Test
	void backsOffToTheApplicationsBeans() {
		ActivityPayloadConverter own = new ActivityPayloadConverter() {

			@Override
			public @Nullable Object read(@Nullable String input, java.lang.reflect.Type type) {
				return input;
			}

			@Override
			public String write(Object result) {
				return result.toString();
			}

		};
		this.contextRunner.withBean(ActivityPayloadConverter.class, () -> own)
			.withBean("ownRegistry", SwfActivityContainerRegistry.class, () -> new SwfActivityContainerRegistry(List::of,
					null, null, null, null, null, null, null, null, false))
			.run((context) -> {
				assertThat(context).getBean(ActivityPayloadConverter.class).isSameAs(own);
				assertThat(context).hasSingleBean(SwfActivityContainerRegistry.class).hasBean("ownRegistry");
			});
	}

	@Test
	void withoutJacksonInputsAreStringsOnly() {
		this.contextRunner.withClassLoader(new FilteredClassLoader(JsonMapper.class))
			.run((context) -> assertThat(context).hasSingleBean(SwfActivityContainerRegistry.class)
				.doesNotHaveBean(ActivityPayloadConverter.class));
	}

	@Test
	void withoutSpringBootHealthNoIndicator() {
		this.contextRunner.withClassLoader(new FilteredClassLoader(
				org.springframework.boot.health.contributor.AbstractHealthIndicator.class))
			.run((context) -> assertThat(context).hasSingleBean(SwfActivityContainerRegistry.class)
				.doesNotHaveBean(SwfWorkerHealthIndicator.class));
	}

	@Test
	void methodsWithoutAClientFailAtStartUpWithAMessage() {
		this.contextRunner.withBean(Activities.class)
			.withPropertyValues("swf.worker.domain=media", "swf.worker.task-list=work")
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.rootCause()
				.hasMessageContaining("@SwfActivity methods need an SwfClient bean"));
	}

	@Test
	void methodsWithoutATaskListFailAtStartUpWithAMessage() {
		this.contextRunner.withBean(Activities.class)
			.withBean(SwfClient.class, () -> SwfClient.builder().region(software.amazon.awssdk.regions.Region.US_EAST_1)
				.build())
			.withPropertyValues("swf.worker.domain=media")
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.rootCause()
				.hasMessageContaining("@SwfActivity method Activities.work names no taskList")
				.hasMessageContaining("swf.worker.task-list"));
	}

	@Test
	void invalidConcurrencyFailsAtStartUp() {
		this.contextRunner.withPropertyValues("swf.worker.concurrency=0")
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.rootCause()
				.isInstanceOf(InvalidConfigurationPropertyValueException.class)
				.hasMessageContaining("swf.worker.concurrency"));
	}

	@Test
	void metricsFollowBootsMeterRegistry() {
		// Without the ordering, this class would sort before Boot's metrics auto-configuration and
		// its condition on the MeterRegistry would never match.
		this.contextRunner
			.withConfiguration(AutoConfigurations.of(MetricsAutoConfiguration.class,
					CompositeMeterRegistryAutoConfiguration.class, SwfWorkerMetricsAutoConfiguration.class))
			.run((context) -> assertThat(context).hasSingleBean(SwfWorkerMetrics.class));
	}

	@Test
	void noMetricsWithoutMicrometer() {
		this.contextRunner.withConfiguration(AutoConfigurations.of(SwfWorkerMetricsAutoConfiguration.class))
			.withClassLoader(new FilteredClassLoader(SimpleMeterRegistry.class.getPackageName().replace(".simple", "")))
			.run((context) -> assertThat(context).doesNotHaveBean(SwfWorkerMetrics.class));
	}

	static class Activities {

		@SwfActivity
		String work(String input) {
			return input;
		}

	}

}
