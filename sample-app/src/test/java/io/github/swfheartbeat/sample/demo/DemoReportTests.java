package io.github.swfheartbeat.sample.demo;

import java.util.List;

import io.github.swfheartbeat.sample.transcode.TranscodeState;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link DemoReport} and {@link DemoOutcome}.
 */
class DemoReportTests {

	@Test
	void completedTranscodeWithoutHeartbeatsIsNotAsExpected() {
		assertThat(outcome(TranscodeState.COMPLETED, TranscodeState.COMPLETED, "COMPLETED", 2, null).asExpected())
			.isTrue();
		assertThat(outcome(TranscodeState.COMPLETED, TranscodeState.COMPLETED, "COMPLETED", 0, null).asExpected())
			.isFalse();
	}

	@Test
	void cancelledTranscodeNeedsItsWorkflowCanceledAndTheCancellationNoticed() {
		assertThat(outcome(TranscodeState.CANCELED, TranscodeState.CANCELED, "CANCELED", 1, 800L).asExpected()).isTrue();
		assertThat(outcome(TranscodeState.CANCELED, TranscodeState.CANCELED, "CANCELED", 1, null).asExpected()).isFalse();
		assertThat(outcome(TranscodeState.CANCELED, TranscodeState.CANCELED, null, 1, 800L).asExpected()).isFalse();
	}

	@Test
	void lostTranscodeNeedsItsWorkflowFailed() {
		assertThat(outcome(TranscodeState.LOST, TranscodeState.LOST, "FAILED", 0, null).asExpected()).isTrue();
		assertThat(outcome(TranscodeState.LOST, TranscodeState.COMPLETED, "COMPLETED", 3, null).asExpected()).isFalse();
	}

	@Test
	void exitCodeIsZeroOnlyWithoutProblems() {
		DemoOutcome completed = outcome(TranscodeState.COMPLETED, TranscodeState.COMPLETED, "COMPLETED", 2, null);
		assertThat(new DemoReport(List.of(completed), List.of()).exitCode()).isZero();
		assertThat(new DemoReport(List.of(completed), List.of("transcode-2 was meant to end LOST")).exitCode())
			.isEqualTo(1);
	}

	@Test
	void tableShowsEveryTranscodeAndTheTotals() {
		DemoReport report = new DemoReport(
				List.of(outcome(TranscodeState.COMPLETED, TranscodeState.COMPLETED, "COMPLETED", 2, null),
						outcome(TranscodeState.CANCELED, TranscodeState.CANCELED, "CANCELED", 1, 1250L)),
				List.of());
		assertThat(report.format()).contains("Cancellation latency")
			.contains("1.3 s")
			.contains("2 tasks: 1 completed, 1 cancelled, 0 lost; 3 heartbeats sent")
			.contains("The scenario went as expected.");
	}

	private static DemoOutcome outcome(TranscodeState expected, TranscodeState state, String closeStatus,
			long heartbeats, Long cancellationLatency) {
		return new DemoOutcome("transcode-1", "run", "a.mp4", expected, state, closeStatus, heartbeats, 4000,
				cancellationLatency);
	}

}
