package io.github.swfheartbeat.autoconfigure;

import com.amazonaws.services.simpleworkflow.flow.worker.CurrentActivityExecutionContext;
import io.github.swfheartbeat.flow.FlowActivityTaskLocator;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link HeartbeatFlowAutoConfiguration}.
 */
class HeartbeatFlowAutoConfigurationTests {

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(HeartbeatFlowAutoConfiguration.class))
		.withUserConfiguration(TestEngineConfiguration.class);

	@Test
	void registersTheFlowLocator() {
		this.contextRunner.run((context) -> assertThat(context).hasSingleBean(FlowActivityTaskLocator.class));
	}

	@Test
	void needsTheFlowLibrary() {
		this.contextRunner.withClassLoader(new FilteredClassLoader(CurrentActivityExecutionContext.class))
			.run((context) -> assertThat(context).doesNotHaveBean(FlowActivityTaskLocator.class));
	}

	@Test
	void isSwitchedOffWithTheAspect() {
		this.contextRunner.withPropertyValues("swf.heartbeat.aspect.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean(FlowActivityTaskLocator.class));
	}

	@Test
	void backsOffWhenTheUserDefinesALocator() {
		this.contextRunner.withUserConfiguration(CustomLocatorConfiguration.class).run((context) -> {
			assertThat(context).hasSingleBean(FlowActivityTaskLocator.class);
			assertThat(context).hasBean("customLocator");
		});
	}

	@Test
	void needsAHeartbeatEngine() {
		new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(HeartbeatFlowAutoConfiguration.class))
			.run((context) -> assertThat(context).doesNotHaveBean(FlowActivityTaskLocator.class));
	}

	@Configuration(proxyBeanMethods = false)
	static class CustomLocatorConfiguration {

		@Bean
		FlowActivityTaskLocator customLocator() {
			return new FlowActivityTaskLocator();
		}

	}

}
