package io.github.swfheartbeat.sample.embedded;

import io.github.swfheartbeat.client.SwfAsyncClientCustomizer;
import io.github.swfheartbeat.client.SwfClientCustomizer;
import io.github.swfheartbeat.sample.config.SampleProperties;
import io.github.swfheartbeat.sample.transcode.TranscodeRegistry;
import io.github.swfheartbeat.test.EmbeddedSwf;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.swf.SwfClient;
import software.amazon.awssdk.services.swf.SwfClientBuilder;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link EmbeddedSwfConfiguration}.
 */
class EmbeddedSwfConfigurationTests {

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withUserConfiguration(TestConfiguration.class);

	@Test
	void runsTheEndpointAndPointsTheClientsAtItByDefault() {
		this.contextRunner.run((context) -> {
			assertThat(context).hasSingleBean(EmbeddedSwf.class)
				.hasSingleBean(SwfClientCustomizer.class)
				.hasSingleBean(SwfAsyncClientCustomizer.class)
				.hasSingleBean(TaskTimeOuts.class);
			EmbeddedSwf swf = context.getBean(EmbeddedSwf.class);
			SwfClientBuilder builder = SwfClient.builder();
			context.getBean(SwfClientCustomizer.class).customize(builder);
			try (SwfClient client = builder.build()) {
				client.registerDomain((request) -> request.name("checked").workflowExecutionRetentionPeriodInDays("1"));
			}
			assertThat(swf.callCount("RegisterDomain")).isOne();
		});
	}

	@Test
	void closesTheEndpointWithTheContext() {
		EmbeddedSwf[] swf = new EmbeddedSwf[1];
		this.contextRunner.run((context) -> swf[0] = context.getBean(EmbeddedSwf.class));
		assertThat(swf[0].isRunning()).isFalse();
	}

	@Test
	void switchedOffByProperty() {
		this.contextRunner.withPropertyValues("sample.embedded-swf.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean(EmbeddedSwf.class)
				.doesNotHaveBean(SwfClientCustomizer.class)
				.doesNotHaveBean(SwfAsyncClientCustomizer.class)
				.doesNotHaveBean(TaskTimeOuts.class));
	}

	@Configuration(proxyBeanMethods = false)
	@EnableConfigurationProperties(SampleProperties.class)
	@Import({ EmbeddedSwfConfiguration.class, TranscodeRegistry.class })
	static class TestConfiguration {

	}

}
