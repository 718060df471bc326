package io.github.swfheartbeat.engine;

import java.time.Duration;

import io.github.swfheartbeat.engine.InvalidHeartbeatSettingsException.Problem;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Validation of {@link HeartbeatEngineSettings}.
 */
class HeartbeatEngineSettingsTests {

	@Test
	void defaultsAreValid() {
		HeartbeatEngineSettings settings = HeartbeatEngineSettings.defaults();
		assertThat(settings.defaultHeartbeatTimeout()).isEqualTo(Duration.ofSeconds(60));
		assertThat(settings.rateLimit()).isEqualTo(150);
		assertThat(settings.toBuilder().build()).isEqualTo(settings);
	}

	@Test
	void sendIntervalThatCannotKeepATaskAliveIsRejected() {
		assertThatExceptionOfType(InvalidHeartbeatSettingsException.class)
			.isThrownBy(() -> HeartbeatEngineSettings.builder()
				.defaultHeartbeatTimeout(Duration.ofSeconds(20))
				.minSendInterval(Duration.ofSeconds(30))
				.build())
			.satisfies((ex) -> assertThat(ex.getProblems()).extracting(Problem::setting).containsExactly("min-send-interval"))
			.withMessageContaining("could not be kept alive");
	}

	@Test
	void negativeAndZeroValuesAreRejectedTogether() {
		assertThatExceptionOfType(InvalidHeartbeatSettingsException.class)
			.isThrownBy(() -> HeartbeatEngineSettings.builder()
				.rateLimit(-1)
				.rateLimitBurst(0)
				.callTimeout(Duration.ZERO)
				.defaultHeartbeatTimeout(Duration.ofSeconds(-5))
				.shutdownGracePeriod(Duration.ofSeconds(-1))
				.build())
			.satisfies((ex) -> assertThat(ex.getProblems()).extracting(Problem::setting)
				.containsExactlyInAnyOrder("rate-limit", "rate-limit-burst", "call-timeout", "default-heartbeat-timeout",
						"shutdown-grace-period"));
	}

	@Test
	void detailsLimitAboveSwfMaximumIsRejected() {
		assertThatExceptionOfType(InvalidHeartbeatSettingsException.class)
			.isThrownBy(() -> HeartbeatEngineSettings.builder().maxDetailsLength(4096).build())
			.satisfies((ex) -> assertThat(ex.getProblems().get(0).action()).contains("between 1 and 2048"));
	}

	@Test
	void cancellationLatencyBelowTheMinimumIntervalIsRejected() {
		assertThatExceptionOfType(InvalidHeartbeatSettingsException.class)
			.isThrownBy(() -> HeartbeatEngineSettings.builder().maxCancellationLatency(Duration.ofMillis(500)).build())
			.satisfies((ex) -> assertThat(ex.getProblems()).extracting(Problem::setting)
				.containsExactly("max-cancellation-latency"));
	}

	@Test
	void initialBackoffAboveMaximumIsRejected() {
		assertThatExceptionOfType(InvalidHeartbeatSettingsException.class)
			.isThrownBy(() -> HeartbeatEngineSettings.builder()
				.retryInitialBackoff(Duration.ofSeconds(10))
				.retryMaxBackoff(Duration.ofSeconds(1))
				.build())
			.satisfies((ex) -> assertThat(ex.getProblems()).extracting(Problem::setting)
				.containsExactly("retry.initial-backoff"));
	}

	@Test
	void durationsTooLongForNanosecondArithmeticAreRejected() {
		assertThatExceptionOfType(InvalidHeartbeatSettingsException.class)
			.isThrownBy(() -> HeartbeatEngineSettings.builder()
				.defaultHeartbeatTimeout(Duration.ofDays(400 * 365))
				.callTimeout(Duration.ofSeconds(Long.MAX_VALUE))
				.shutdownGracePeriod(Duration.ofDays(1000))
				.build())
			.satisfies((ex) -> assertThat(ex.getProblems()).extracting(Problem::setting)
				.containsExactlyInAnyOrder("default-heartbeat-timeout", "call-timeout", "shutdown-grace-period"))
			.satisfies((ex) -> assertThat(ex.getProblems()).extracting(Problem::action)
				.contains("Set swf.heartbeat.call-timeout to at most 366d"));
		assertThatExceptionOfType(IllegalArgumentException.class)
			.isThrownBy(() -> io.github.swfheartbeat.core.HeartbeatOptions.defaults()
				.withStartToCloseTimeout(Duration.ofDays(1000)))
			.withMessageContaining("startToCloseTimeout must be at most");
	}

}
