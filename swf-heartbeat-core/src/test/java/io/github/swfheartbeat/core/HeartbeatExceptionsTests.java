package io.github.swfheartbeat.core;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the exceptions and options of the public API carry: fingerprints, reasons and details that
 * activity code acts on, never a token.
 */
class HeartbeatExceptionsTests {

	@Test
	void aLostTaskSaysWhichAndWhy() {
		IllegalStateException cause = new IllegalStateException("UnknownResource");
		ActivityTaskLostException lost = new ActivityTaskLostException("tt-12345678", TaskLossReason.DEADLINE_PASSED,
				cause);
		assertThat(lost.getTaskTokenFingerprint()).isEqualTo("tt-12345678");
		assertThat(lost.getReason()).isEqualTo(TaskLossReason.DEADLINE_PASSED);
		assertThat(lost).hasMessage("Activity task tt-12345678 is lost: no heartbeat got through before the "
				+ "heartbeat timeout ran out").hasCause(cause);
	}

	@Test
	void everyLossReasonExplainsItself() {
		assertThat(TaskLossReason.values()).allSatisfy((reason) -> assertThat(reason.description()).isNotBlank());
		assertThat(TaskLossReason.NOT_PERMITTED.description()).contains("swf:RecordActivityTaskHeartbeat");
	}

	@Test
	void aCancellationCarriesTheLastDetailsForRespondActivityTaskCanceled() {
		ActivityCancellationRequestedException canceled = new ActivityCancellationRequestedException("tt-12345678",
				"70%");
		assertThat(canceled.getTaskTokenFingerprint()).isEqualTo("tt-12345678");
		assertThat(canceled.getDetails()).isEqualTo("70%");
		assertThat(canceled).hasMessage("Cancellation of activity task tt-12345678 was requested");
	}

	@Test
	void optionsCarryThePollInstantAndStartToCloseTimeout() {
		Instant polled = Instant.parse("2026-01-01T00:00:00Z");
		HeartbeatOptions options = HeartbeatOptions.defaults()
			.withHeartbeatTimeout(Duration.ofSeconds(30))
			.withPolledAt(polled)
			.withStartToCloseTimeout(Duration.ofMinutes(10));
		assertThat(options.polledAt()).isEqualTo(polled);
		assertThat(options.startToCloseTimeout()).isEqualTo(Duration.ofMinutes(10));
		assertThat(options.heartbeatTimeout()).isEqualTo(Duration.ofSeconds(30));
		assertThat(options.withPolledAt(null).startToCloseTimeout()).isEqualTo(Duration.ofMinutes(10));
		assertThat(options.withStartToCloseTimeout(null).polledAt()).isEqualTo(polled);
	}

}
