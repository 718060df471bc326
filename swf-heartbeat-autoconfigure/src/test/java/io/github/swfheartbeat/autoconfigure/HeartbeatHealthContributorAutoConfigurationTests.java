package io.github.swfheartbeat.autoconfigure;

import io.github.swfheartbeat.core.ActivityTaskInfo;
import io.github.swfheartbeat.core.HeartbeatOptions;
import io.github.swfheartbeat.engine.HeartbeatEngine;
import io.github.swfheartbeat.engine.HeartbeatTransport;
import io.github.swfheartbeat.health.HeartbeatHealthIndicator;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link HeartbeatHealthContributorAutoConfiguration}.
 */
class HeartbeatHealthContributorAutoConfigurationTests {

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(HeartbeatAutoConfiguration.class,
				HeartbeatHealthContributorAutoConfiguration.class))
		.withBean(HeartbeatTransport.class, StubHeartbeatTransport::new);

	@Test
	void createsTheIndicator() {
		this.contextRunner.run((context) -> {
			assertThat(context).hasSingleBean(HeartbeatHealthIndicator.class).hasBean("swfHeartbeatHealthIndicator");
			Health health = context.getBean(HeartbeatHealthIndicator.class).health();
			assertThat(health.getStatus()).isEqualTo(Status.UP);
			assertThat(health.getDetails()).containsEntry("activeTasks", 0).containsEntry("consecutiveFailures", 0L);
		});
	}

	@Test
	void switchedOffByProperty() {
		this.contextRunner.withPropertyValues("management.health.swf-heartbeat.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean(HeartbeatHealthIndicator.class));
	}

	@Test
	void switchedOffWithTheDefaultHealthIndicators() {
		this.contextRunner.withPropertyValues("management.health.defaults.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean(HeartbeatHealthIndicator.class));
	}

	@Test
	void absentWithoutTheEngine() {
		this.contextRunner.withPropertyValues("swf.heartbeat.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean(HeartbeatHealthIndicator.class));
	}

	@Test
	void absentWithoutSpringBootHealth() {
		this.contextRunner.withClassLoader(new FilteredClassLoader(AbstractHealthIndicator.class))
			.run((context) -> assertThat(context).doesNotHaveBean(HeartbeatHealthIndicator.class));
	}

	@Test
	void backsOffToTheApplicationsIndicator() {
		this.contextRunner
			.withBean("swfHeartbeatHealthIndicator", HealthIndicator.class, () -> () -> Health.outOfService().build())
			.run((context) -> assertThat(context).doesNotHaveBean(HeartbeatHealthIndicator.class)
				.hasBean("swfHeartbeatHealthIndicator"));
	}

	@Test
	void failsOnAFailureThresholdBelowOne() {
		this.contextRunner.withPropertyValues("swf.heartbeat.health.failure-threshold=0")
			.run((context) -> assertThat(context).getFailure()
				.rootCause()
				.isInstanceOf(InvalidConfigurationPropertyValueException.class)
				.hasMessageContaining("swf.heartbeat.health.failure-threshold"));
	}

	@Test
	void bindsTheFailureThreshold() {
		// Two, below the default of five: the first failure leaves the indicator up, the second does not.
		this.contextRunner.withPropertyValues("swf.heartbeat.health.failure-threshold=2")
			.run((context) -> {
				StubHeartbeatTransport transport = context.getBean(StubHeartbeatTransport.class);
				HeartbeatHealthIndicator indicator = context.getBean(HeartbeatHealthIndicator.class);
				transport.thenFail(StubHeartbeatTransport.rejected());
				// Failures count only while a task is at risk.
				context.getBean(HeartbeatEngine.class).start("task-token-1", HeartbeatOptions.defaults());
				failOneHeartbeat(context.getBean(HeartbeatEngine.class));
				assertThat(indicator.health().getStatus()).isEqualTo(Status.UP);
				transport.thenFail(StubHeartbeatTransport.rejected());
				failOneHeartbeat(context.getBean(HeartbeatEngine.class));
				assertThat(indicator.health().getStatus()).isEqualTo(Status.DOWN);
			});
	}

	@Test
	void defaultThresholdToleratesAFewFailures() {
		this.contextRunner.run((context) -> {
			StubHeartbeatTransport transport = context.getBean(StubHeartbeatTransport.class);
			context.getBean(HeartbeatEngine.class).start("task-token-1", HeartbeatOptions.defaults());
			for (int i = 0; i < 4; i++) {
				transport.thenFail(StubHeartbeatTransport.rejected());
				failOneHeartbeat(context.getBean(HeartbeatEngine.class));
			}
			assertThat(context.getBean(HeartbeatHealthIndicator.class).health().getStatus()).isEqualTo(Status.UP);
			transport.thenFail(StubHeartbeatTransport.rejected());
			failOneHeartbeat(context.getBean(HeartbeatEngine.class));
			assertThat(context.getBean(HeartbeatHealthIndicator.class).health().getStatus()).isEqualTo(Status.DOWN);
		});
	}

	private static void failOneHeartbeat(HeartbeatEngine engine) {
		assertThat(engine.heartbeatOnce("task-token-1", null, ActivityTaskInfo.unknown())
			.handle((cancelRequested, failure) -> failure)
			.join()).isNotNull();
	}

}
