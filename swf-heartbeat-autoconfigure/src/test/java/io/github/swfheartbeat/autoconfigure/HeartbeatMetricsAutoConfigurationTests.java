package io.github.swfheartbeat.autoconfigure;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import io.github.swfheartbeat.core.ActivityTaskInfo;
import io.github.swfheartbeat.core.HeartbeatTemplate;
import io.github.swfheartbeat.engine.HeartbeatEngine;
import io.github.swfheartbeat.engine.HeartbeatEngineSettings;
import io.github.swfheartbeat.engine.HeartbeatListener;
import io.github.swfheartbeat.engine.HeartbeatTransport;
import io.github.swfheartbeat.metrics.HeartbeatCallContext;
import io.github.swfheartbeat.metrics.HeartbeatMetrics;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationHandler;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.context.annotation.Configurations;
import org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.export.simple.SimpleMetricsExportAutoConfiguration;
import org.springframework.boot.micrometer.observation.autoconfigure.ObservationAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Tests for {@link HeartbeatMetricsAutoConfiguration}.
 */
class HeartbeatMetricsAutoConfigurationTests {

	/**
	 * Ours and Spring Boot's metrics auto-configurations, ordered as an application orders them:
	 * {@code io.github.*} sorts before {@code org.springframework.*} by name, so only the declared
	 * order puts the meter registry first.
	 */
	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(HeartbeatMetricsAutoConfiguration.class, HeartbeatAutoConfiguration.class,
				MetricsAutoConfiguration.class, CompositeMeterRegistryAutoConfiguration.class,
				SimpleMetricsExportAutoConfiguration.class))
		.withBean(HeartbeatTransport.class, StubHeartbeatTransport::new);

	@Test
	void bindsMetersToTheAutoConfiguredRegistry() {
		this.contextRunner.run((context) -> {
			assertThat(context).hasSingleBean(HeartbeatMetrics.class);
			MeterRegistry registry = context.getBean(MeterRegistry.class);
			assertThat(registry.get("swf.heartbeat.tasks.active").gauge().value()).isZero();
			assertThat(registry.get("swf.heartbeat.rate.limit").gauge().value()).isEqualTo(150);
			context.getBean(HeartbeatTemplate.class).heartbeat("task-token-1");
			await().untilAsserted(() -> assertThat(
					registry.get("swf.heartbeat.calls").tags("outcome", "success", "activity.type", "unknown").timer().count())
				.isOne());
		});
	}

	@Test
	void absentWithoutAMeterRegistry() {
		new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(HeartbeatMetricsAutoConfiguration.class, HeartbeatAutoConfiguration.class))
			.withBean(HeartbeatTransport.class, StubHeartbeatTransport::new)
			.run((context) -> assertThat(context).doesNotHaveBean(HeartbeatMetrics.class));
	}

	@Test
	void comesAfterTheRegistryAlthoughItsNameSortsFirst() {
		List<Class<?>> order = List.of(Configurations.getClasses(AutoConfigurations.of(
				HeartbeatMetricsAutoConfiguration.class, CompositeMeterRegistryAutoConfiguration.class,
				SimpleMetricsExportAutoConfiguration.class, MetricsAutoConfiguration.class)));
		assertThat(order.indexOf(HeartbeatMetricsAutoConfiguration.class))
			.isGreaterThan(order.indexOf(CompositeMeterRegistryAutoConfiguration.class))
			.isGreaterThan(order.indexOf(SimpleMetricsExportAutoConfiguration.class));
	}

	@Test
	void absentWithoutMicrometer() {
		new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(HeartbeatMetricsAutoConfiguration.class, HeartbeatAutoConfiguration.class))
			.withBean(HeartbeatTransport.class, StubHeartbeatTransport::new)
			.withClassLoader(new FilteredClassLoader(MeterRegistry.class))
			.run((context) -> assertThat(context).doesNotHaveBean(HeartbeatMetrics.class));
	}

	@Test
	void absentWithoutTheEngine() {
		this.contextRunner.withPropertyValues("swf.heartbeat.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean(HeartbeatMetrics.class));
	}

	@Test
	void backsOffToTheApplicationsMetrics() {
		HeartbeatMetrics userMetrics = new HeartbeatMetrics(() -> null);
		this.contextRunner.withBean("userMetrics", HeartbeatMetrics.class, () -> userMetrics)
			.run((context) -> assertThat(context).getBean(HeartbeatMetrics.class).isSameAs(userMetrics));
	}

	@Test
	void usesTheApplicationsRegistry() {
		SimpleMeterRegistry registry = new SimpleMeterRegistry();
		new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(HeartbeatMetricsAutoConfiguration.class, HeartbeatAutoConfiguration.class,
					MetricsAutoConfiguration.class, CompositeMeterRegistryAutoConfiguration.class))
			.withBean(HeartbeatTransport.class, StubHeartbeatTransport::new)
			.withBean(MeterRegistry.class, () -> registry)
			.run((context) -> {
				assertThat(context).hasSingleBean(HeartbeatMetrics.class).getBean(MeterRegistry.class).isSameAs(registry);
				// The meters land in the application's own registry.
				assertThat(registry.get("swf.heartbeat.rate.limit").gauge().value()).isEqualTo(150);
				assertThat(registry.get("swf.heartbeat.tasks.active").gauge().value()).isZero();
			});
	}

	@Test
	void observedCallsAreTimedOnceAndStillObserved() {
		List<Observation.Context> observed = new CopyOnWriteArrayList<>();
		this.contextRunner.withConfiguration(AutoConfigurations.of(ObservationAutoConfiguration.class))
			.withBean("recordingHandler", ObservationHandler.class, () -> new RecordingHandler(observed))
			.run((context) -> {
				MeterRegistry registry = context.getBean(MeterRegistry.class);
				context.getBean(HeartbeatTemplate.class).heartbeat("task-token-1");
				await().untilAsserted(() -> assertThat(registry.get("swf.heartbeat.calls").timer().count()).isOne());
				assertThat(observed).singleElement().isInstanceOf(HeartbeatCallContext.class);
				assertThat(registry.getMeters()).extracting((meter) -> meter.getId().getName())
					.noneMatch((name) -> name.startsWith("swf.heartbeat.call."))
					.doesNotContain("swf.heartbeat.call");
			});
	}

	@Test
	void anEngineTheApplicationDefinesIsMeasuredToo() {
		this.contextRunner.withUserConfiguration(ApplicationEngineConfiguration.class).run((context) -> {
			MeterRegistry registry = context.getBean(MeterRegistry.class);
			context.getBean(HeartbeatEngine.class).heartbeatOnce("task-token-1", null, ActivityTaskInfo.unknown()).join();
			await().untilAsserted(() -> assertThat(registry.get("swf.heartbeat.calls").timer().count()).isOne());
		});
	}

	@Test
	void aListenerThatNeedsTheEngineFailsStartUpSayingWhy() {
		this.contextRunner.withUserConfiguration(ApplicationEngineConfiguration.class)
			.withBean("engineUser", EngineUser.class)
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.hasStackTraceContaining("The HeartbeatListener beans could not be added to the HeartbeatEngine bean "
						+ "'heartbeatEngine'")
				.hasStackTraceContaining("take an ObjectProvider<HeartbeatEngine>"));
	}

	@Configuration(proxyBeanMethods = false)
	static class ApplicationEngineConfiguration {

		@Bean(destroyMethod = "close")
		HeartbeatEngine heartbeatEngine() {
			return new HeartbeatEngine(new StubHeartbeatTransport(), HeartbeatEngineSettings.defaults());
		}

	}

	static class EngineUser implements HeartbeatListener {

		EngineUser(HeartbeatEngine engine) {
		}

	}

	record RecordingHandler(List<Observation.Context> observed) implements ObservationHandler<Observation.Context> {

		@Override
		public void onStop(Observation.Context context) {
			this.observed.add(context);
		}

		@Override
		public boolean supportsContext(Observation.Context context) {
			return true;
		}

	}

}
