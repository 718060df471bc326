package io.github.swfheartbeat.test.spring;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Configuration;
import org.springframework.test.context.junit.jupiter.SpringJUnitConfig;

import io.github.swfheartbeat.test.EmbeddedSwf;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link AutoConfigureEmbeddedSwf#virtualTime()}.
 */
@SpringJUnitConfig(AutoConfigureEmbeddedSwfVirtualTimeTests.EmptyConfiguration.class)
@AutoConfigureEmbeddedSwf(longPollTimeout = "2", virtualTime = true)
class AutoConfigureEmbeddedSwfVirtualTimeTests {

	@Autowired
	private EmbeddedSwf swf;

	@Test
	void theEndpointRunsOnVirtualTime() {
		Instant start = this.swf.currentTime();
		this.swf.advance(Duration.ofHours(2));
		assertThat(this.swf.currentTime()).isEqualTo(start.plus(Duration.ofHours(2)));
	}

	@Configuration(proxyBeanMethods = false)
	static class EmptyConfiguration {

	}

}
