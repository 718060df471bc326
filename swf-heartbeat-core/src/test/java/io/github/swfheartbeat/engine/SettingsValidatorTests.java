package io.github.swfheartbeat.engine;

import java.time.Duration;

import io.github.swfheartbeat.engine.InvalidHeartbeatSettingsException.Problem;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatNoException;

/**
 * The limits {@link SettingsValidator} enforces, at their edges: a value on the edge is accepted
 * or rejected as the message says, and each problem says what to change.
 */
class SettingsValidatorTests {

	@Test
	void intervalAndMarginMustLeaveTimeWithinTheTimeout() {
		assertThat(problemsOf(HeartbeatEngineSettings.builder()
			.defaultHeartbeatTimeout(Duration.ofSeconds(2))
			.minSendInterval(Duration.ofSeconds(1))
			.minSafetyMargin(Duration.ofSeconds(1)))).extracting(Problem::setting).containsExactly("min-send-interval");
		assertThatNoException().isThrownBy(() -> HeartbeatEngineSettings.builder()
			.defaultHeartbeatTimeout(Duration.ofSeconds(2))
			.minSendInterval(Duration.ofSeconds(1))
			.minSafetyMargin(Duration.ofMillis(999))
			.build());
	}

	@Test
	void cancellationLatencyEqualToTheIntervalCanBeMet() {
		assertThat(HeartbeatEngineSettings.builder().maxCancellationLatency(Duration.ofSeconds(1)).build()
			.maxCancellationLatency()).isEqualTo(Duration.ofSeconds(1));
		assertThat(problemsOf(HeartbeatEngineSettings.builder().maxCancellationLatency(Duration.ofMillis(999))))
			.singleElement()
			.satisfies((problem) -> {
				assertThat(problem.value()).isEqualTo("PT0.999S");
				assertThat(problem.action())
					.isEqualTo("Raise swf.heartbeat.max-cancellation-latency or lower swf.heartbeat.min-send-interval");
			});
		assertThat(problemsOf(HeartbeatEngineSettings.builder().maxCancellationLatency(Duration.ZERO)))
			.extracting(Problem::setting, Problem::reason)
			.containsExactly(org.assertj.core.groups.Tuple.tuple("max-cancellation-latency", "it must be a positive duration"));
	}

	@Test
	void rateLimitMustBeAPositiveFiniteNumber() {
		for (double rate : new double[] { 0, -1, Double.NaN, Double.POSITIVE_INFINITY }) {
			assertThat(problemsOf(HeartbeatEngineSettings.builder().rateLimit(rate))).as("rate %s", rate)
				.extracting(Problem::setting).containsExactly("rate-limit");
		}
		assertThat(HeartbeatEngineSettings.builder().rateLimit(0.01).build().rateLimit()).isEqualTo(0.01);
	}

	@Test
	void burstOfOneIsTheLeastAccepted() {
		assertThat(HeartbeatEngineSettings.builder().rateLimitBurst(1).build().rateLimitBurst()).isEqualTo(1);
		assertThat(problemsOf(HeartbeatEngineSettings.builder().rateLimitBurst(0))).singleElement()
			.satisfies((problem) -> assertThat(problem.action()).contains("at least 1"));
	}

	@Test
	void detailsLengthRangesFromOneToSwfsMaximum() {
		assertThat(HeartbeatEngineSettings.builder().maxDetailsLength(1).build().maxDetailsLength()).isEqualTo(1);
		assertThat(HeartbeatEngineSettings.builder().maxDetailsLength(2048).build().maxDetailsLength()).isEqualTo(2048);
		assertThat(problemsOf(HeartbeatEngineSettings.builder().maxDetailsLength(0))).extracting(Problem::setting)
			.containsExactly("max-details-length");
		assertThat(problemsOf(HeartbeatEngineSettings.builder().maxDetailsLength(2049))).extracting(Problem::value)
			.containsExactly("2049");
	}

	@Test
	void detailsOverflowMustBeSet() {
		assertThat(problemsOf(HeartbeatEngineSettings.builder().detailsOverflow(null))).singleElement()
			.satisfies((problem) -> {
				assertThat(problem.setting()).isEqualTo("details-overflow");
				assertThat(problem.action()).isEqualTo("Set swf.heartbeat.details-overflow to TRUNCATE or FAIL");
			});
	}

	@Test
	void retryBackoffsMayBeEqual() {
		HeartbeatEngineSettings settings = HeartbeatEngineSettings.builder()
			.retryInitialBackoff(Duration.ofSeconds(1))
			.retryMaxBackoff(Duration.ofSeconds(1))
			.build();
		assertThat(settings.retryInitialBackoff()).isEqualTo(settings.retryMaxBackoff());
		assertThat(problemsOf(HeartbeatEngineSettings.builder().retryMaxBackoff(Duration.ZERO)))
			.extracting(Problem::setting).containsExactly("retry.max-backoff");
		assertThat(problemsOf(HeartbeatEngineSettings.builder().retryInitialBackoff(null)))
			.extracting(Problem::setting).containsExactly("retry.initial-backoff");
	}

	@Test
	void aZeroGracePeriodIsAllowedANegativeOneIsNot() {
		assertThat(HeartbeatEngineSettings.builder().shutdownGracePeriod(Duration.ZERO).build().shutdownGracePeriod())
			.isZero();
		assertThat(problemsOf(HeartbeatEngineSettings.builder().shutdownGracePeriod(null))).extracting(Problem::setting)
			.containsExactly("shutdown-grace-period");
	}

	@Test
	void eachProblemIsNamedInTheMessageWithItsValue() {
		assertThatExceptionOfType(InvalidHeartbeatSettingsException.class)
			.isThrownBy(() -> HeartbeatEngineSettings.builder()
				.callTimeout(Duration.ofSeconds(-1))
				.minSafetyMargin(Duration.ZERO)
				.build())
			.withMessage("Invalid heartbeat settings: min-safety-margin=PT0S: it must be a positive duration; "
					+ "call-timeout=PT-1S: it must be a positive duration")
			.satisfies((ex) -> assertThat(ex.getProblems()).extracting(Problem::action)
				.containsExactly("Set swf.heartbeat.min-safety-margin to a positive duration such as 30s",
						"Set swf.heartbeat.call-timeout to a positive duration such as 30s"));
	}

	@Test
	void everySettingSurvivesTheBuilderRoundTrip() {
		HeartbeatEngineSettings settings = HeartbeatEngineSettings.builder()
			.defaultHeartbeatTimeout(Duration.ofSeconds(90))
			.maxCancellationLatency(Duration.ofSeconds(5))
			.minSendInterval(Duration.ofSeconds(2))
			.minSafetyMargin(Duration.ofSeconds(3))
			.rateLimit(42)
			.rateLimitBurst(7)
			.maxDetailsLength(100)
			.detailsOverflow(io.github.swfheartbeat.core.DetailsOverflow.FAIL)
			.callTimeout(Duration.ofSeconds(4))
			.retryInitialBackoff(Duration.ofMillis(200))
			.retryMaxBackoff(Duration.ofSeconds(6))
			.shutdownGracePeriod(Duration.ofSeconds(8))
			.discoverHeartbeatTimeouts(false)
			.defaultDomain("orders")
			.build();
		assertThat(settings.toBuilder().build()).isEqualTo(settings);
		assertThat(settings.minSafetyMargin()).isEqualTo(Duration.ofSeconds(3));
		assertThat(settings.discoverHeartbeatTimeouts()).isFalse();
		assertThat(settings.defaultDomain()).isEqualTo("orders");
		assertThat(settings).isNotEqualTo(HeartbeatEngineSettings.defaults());
	}

	private static java.util.List<Problem> problemsOf(HeartbeatEngineSettings.Builder builder) {
		try {
			builder.build();
		}
		catch (InvalidHeartbeatSettingsException ex) {
			return ex.getProblems();
		}
		throw new AssertionError("settings were accepted");
	}

}
