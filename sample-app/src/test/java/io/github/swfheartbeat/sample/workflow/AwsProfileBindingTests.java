package io.github.swfheartbeat.sample.workflow;

import io.github.swfheartbeat.test.spring.AutoConfigureEmbeddedSwf;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.core.env.Environment;
import org.springframework.test.context.ActiveProfiles;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Under the {@code aws} profile the unauthenticated start and cancel endpoints are served on the
 * loopback address only, unless {@code server.address} says otherwise.
 */
@SpringBootTest(webEnvironment = WebEnvironment.NONE)
@ActiveProfiles("aws")
@AutoConfigureEmbeddedSwf
class AwsProfileBindingTests {

	@Autowired
	private Environment environment;

	@Test
	void servesOnTheLoopbackAddressOnly() {
		assertThat(this.environment.getProperty("server.address")).isEqualTo("127.0.0.1");
	}

}
