package io.github.swfheartbeat.sample.transcode;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

import io.github.swfheartbeat.core.TaskLossReason;
import io.github.swfheartbeat.core.TaskTokenFingerprint;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.swf.model.PollForActivityTaskResponse;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link TranscodeRegistry}.
 */
class TranscodeRegistryTests {

	private static final String TOKEN = "AAAA-secret-task-token";

	private final MutableClock clock = new MutableClock();

	private final TranscodeRegistry registry = new TranscodeRegistry(this.clock);

	@Test
	void runningTranscodeShowsProgressHeartbeatsAndOnlyTheTokensFingerprint() {
		this.registry.scheduled("transcode-1", "run-1", "a.mp4");
		this.registry.started(task("transcode-1"), "a.mp4");
		this.registry.progress("transcode-1", 40, "40%");
		this.registry.heartbeatRecorded("transcode-1", this.clock.instant());
		this.clock.advance(Duration.ofMillis(1500));
		TranscodeView view = this.registry.view("transcode-1").orElseThrow();
		assertThat(view.state()).isEqualTo(TranscodeState.RUNNING);
		assertThat(view.progress()).isEqualTo(40);
		assertThat(view.heartbeatsSent()).isOne();
		assertThat(view.lastHeartbeatAgeMillis()).isEqualTo(1500);
		assertThat(view.task()).isEqualTo(TaskTokenFingerprint.of(TOKEN));
		assertThat(view.toString()).doesNotContain(TOKEN);
		assertThat(this.registry.runningTaskToken("transcode-1")).contains(TOKEN);
	}

	@Test
	void cancellationLatencyRunsFromTheRequestToTheNotice() {
		this.registry.scheduled("transcode-1", "run-1", "a.mp4");
		this.registry.started(task("transcode-1"), "a.mp4");
		assertThat(this.registry.cancelRequested("transcode-1")).isTrue();
		this.clock.advance(Duration.ofMillis(1200));
		this.registry.cancellationNoticed("transcode-1", this.clock.instant());
		this.registry.canceled("transcode-1", "40%");
		TranscodeView view = this.registry.view("transcode-1").orElseThrow();
		assertThat(view.state()).isEqualTo(TranscodeState.CANCELED);
		assertThat(view.cancellationLatencyMillis()).isEqualTo(1200);
		assertThat(view.outcome()).isEqualTo("canceled at 40%");
		assertThat(this.registry.cancelRequested("transcode-1")).isFalse();
		assertThat(this.registry.runningTaskToken("transcode-1")).isEmpty();
	}

	@Test
	void firstEndWins() {
		this.registry.scheduled("transcode-1", "run-1", "a.mp4");
		this.registry.started(task("transcode-1"), "a.mp4");
		this.registry.lost("transcode-1", TaskLossReason.UNKNOWN_RESOURCE);
		this.registry.failed("transcode-1", "later");
		TranscodeView view = this.registry.view("transcode-1").orElseThrow();
		assertThat(view.state()).isEqualTo(TranscodeState.LOST);
		assertThat(view.outcome()).isEqualTo("task lost: unknown resource");
	}

	@Test
	void oldestFinishedTranscodesAreForgotten() {
		for (int i = 0; i <= TranscodeRegistry.MAX_FINISHED; i++) {
			this.registry.scheduled("transcode-" + i, "run", "a.mp4");
			this.clock.advance(Duration.ofMillis(1));
			this.registry.completed("transcode-" + i, "done");
		}
		this.registry.scheduled("transcode-running", "run", "b.mp4");
		assertThat(this.registry.view("transcode-0")).isEmpty();
		assertThat(this.registry.view("transcode-1")).isPresent();
		assertThat(this.registry.views()).hasSize(TranscodeRegistry.MAX_FINISHED + 1)
			.first()
			.extracting(TranscodeView::id)
			.isEqualTo("transcode-running");
	}

	@Test
	void unknownTranscodesAreIgnored() {
		this.registry.progress("transcode-unknown", 10, "10%");
		assertThat(this.registry.cancelRequested("transcode-unknown")).isFalse();
		assertThat(this.registry.views()).isEmpty();
	}

	private static PollForActivityTaskResponse task(String workflowId) {
		return PollForActivityTaskResponse.builder()
			.taskToken(TOKEN)
			.activityId("transcode")
			.workflowExecution((execution) -> execution.workflowId(workflowId).runId("run-1"))
			.build();
	}

	private static final class MutableClock extends Clock {

		private Instant now = Instant.parse("2026-01-01T00:00:00Z");

		void advance(Duration duration) {
			this.now = this.now.plus(duration);
		}

		@Override
		public Instant instant() {
			return this.now;
		}

		@Override
		public ZoneOffset getZone() {
			return ZoneOffset.UTC;
		}

		@Override
		public Clock withZone(ZoneId zone) {
			return this;
		}

	}

}
