package io.github.swfheartbeat.test.junit;

import java.time.Duration;

import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.swf.model.SwfException;

import io.github.swfheartbeat.test.EmbeddedSwf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Tests for {@link EmbeddedSwfExtension}.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class EmbeddedSwfExtensionTests {

	@RegisterExtension
	static EmbeddedSwfExtension swf = new EmbeddedSwfExtension(
			EmbeddedSwf.builder().longPollTimeout(Duration.ofSeconds(1)));

	private static EmbeddedSwf first;

	@Test
	@Order(1)
	void resolvesTheEndpoint(EmbeddedSwf endpoint) {
		first = endpoint;
		assertThat(endpoint).isSameAs(swf.get());
		assertThat(endpoint.isRunning()).isTrue();
		endpoint.registerDomain("extension");
		endpoint.faults().throttleNext("DescribeDomain", 10);
		endpoint.throttling().limit("RegisterDomain", 1, 0);
		endpoint.throttling().swfQuotas(true);
	}

	@Test
	@Order(2)
	void keepsStateButClearsFaultsAndThrottlingBetweenTests(EmbeddedSwf endpoint) {
		assertThat(endpoint).isSameAs(first);
		assertThat(endpoint.throttling().swfQuotas()).isFalse();
		assertThat(endpoint.syncClient().describeDomain((request) -> request.name("extension")).domainInfo().name())
			.isEqualTo("extension");
		for (int i = 0; i < 3; i++) {
			String name = "extension-" + i;
			endpoint.syncClient()
				.registerDomain((request) -> request.name(name).workflowExecutionRetentionPeriodInDays("1"));
		}
		assertThatExceptionOfType(SwfException.class)
			.isThrownBy(() -> endpoint.syncClient().describeDomain((request) -> request.name("nowhere")));
	}

}
