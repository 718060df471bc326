package io.github.swfheartbeat.test.spring;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.test.context.junit.jupiter.SpringJUnitConfig;

import io.github.swfheartbeat.test.EmbeddedSwf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * Tests for {@link AutoConfigureEmbeddedSwf} in a plain Spring test context.
 */
@SpringJUnitConfig(AutoConfigureEmbeddedSwfTests.EmptyConfiguration.class)
@AutoConfigureEmbeddedSwf(longPollTimeout = "2")
class AutoConfigureEmbeddedSwfTests {

	@Autowired
	private EmbeddedSwf swf;

	@Autowired
	private Environment environment;

	@Test
	void registersTheEndpointAndItsClientProperties() {
		assertThat(this.swf.isRunning()).isTrue();
		assertThat(this.environment.getProperty("swf.client.endpoint")).isEqualTo(this.swf.endpoint().toString());
		assertThat(this.environment.getProperty("swf.client.region")).isEqualTo("us-east-1");
		assertThat(this.environment.getProperty("swf.client.credentials.access-key-id"))
			.isEqualTo(EmbeddedSwf.ACCESS_KEY_ID);
		assertThat(this.environment.getProperty("swf.client.credentials.secret-access-key"))
			.isEqualTo(EmbeddedSwf.SECRET_ACCESS_KEY);
	}

	@Test
	void servesTheClient() {
		this.swf.syncClient()
			.registerDomain((request) -> request.name("spring").workflowExecutionRetentionPeriodInDays("1"));
		assertThat(this.swf.syncClient().describeDomain((request) -> request.name("spring")).domainInfo().name())
			.isEqualTo("spring");
	}

	@Test
	void customizersWithTheSameSettingsShareAContext() {
		assertThat(new EmbeddedSwfContextCustomizer("PT1S", false, false))
			.isEqualTo(new EmbeddedSwfContextCustomizer("PT1S", false, false))
			.hasSameHashCodeAs(new EmbeddedSwfContextCustomizer("PT1S", false, false))
			.isNotEqualTo(new EmbeddedSwfContextCustomizer("PT1S", true, false))
			.isNotEqualTo(new EmbeddedSwfContextCustomizer("PT1S", false, true));
		assertThat(EmbeddedSwfContextCustomizer.parseDuration("PT3S"))
			.isEqualTo(EmbeddedSwfContextCustomizer.parseDuration("3"));
	}

	@Test
	void theEndpointRunsOnTheSystemsClockUnlessAsked() {
		assertThatIllegalStateException().isThrownBy(() -> this.swf.advance(Duration.ofSeconds(1)));
	}

	@Test
	void otherTestClassesGetNoEndpoint() {
		assertThat(new EmbeddedSwfContextCustomizerFactory().createContextCustomizer(String.class, java.util.List.of()))
			.isNull();
	}

	@Configuration(proxyBeanMethods = false)
	static class EmptyConfiguration {

	}

}
