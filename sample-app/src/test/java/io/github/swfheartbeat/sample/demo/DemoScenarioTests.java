package io.github.swfheartbeat.sample.demo;

import java.util.List;

import io.github.swfheartbeat.sample.transcode.TranscodeState;
import io.github.swfheartbeat.sample.workflow.TranscodeTypes;
import io.github.swfheartbeat.test.EmbeddedSwf;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.swf.model.EventType;
import software.amazon.awssdk.services.swf.model.HistoryEvent;
import software.amazon.awssdk.services.swf.model.WorkflowExecution;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.web.context.WebApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Runs the demo scenario in-process, as {@code --sample.demo=true} does, on the embedded SWF
 * endpoint, and checks what SWF recorded.
 */
@SpringBootTest(properties = { "sample.demo=true", "sample.scenario.steps=10", "sample.scenario.step-duration=400ms",
				"sample.transcode.max-cancellation-latency=2s" })
class DemoScenarioTests {

	@Autowired
	private DemoRunner runner;

	@Autowired
	private EmbeddedSwf swf;

	@Autowired
	private TranscodeTypes types;

	@Autowired
	private ApplicationContext context;

	@Test
	void scenarioCompletesFourCancelsOneAndLosesOne() {
		DemoReport report = this.runner.report();
		assertThat(report).isNotNull();
		assertThat(report.problems()).isEmpty();
		assertThat(this.runner.getExitCode()).isZero();
		assertThat(report.count(TranscodeState.COMPLETED)).isEqualTo(4);
		assertThat(report.count(TranscodeState.CANCELED)).isOne();
		assertThat(report.count(TranscodeState.LOST)).isOne();
		assertThat(report.outcomes()).filteredOn((outcome) -> outcome.state() == TranscodeState.COMPLETED)
			.allSatisfy((outcome) -> assertThat(outcome.heartbeats()).isPositive());
		assertThat(report.format()).contains("The scenario went as expected.");
	}

	@Test
	void swfRecordedTheCancellationAsActivityTaskCanceled() {
		DemoOutcome cancelled = only(TranscodeState.CANCELED);
		assertThat(cancelled.cancellationLatencyMillis()).isNotNull();
		assertThat(eventTypes(cancelled)).containsSubsequence(EventType.WORKFLOW_EXECUTION_CANCEL_REQUESTED,
				EventType.ACTIVITY_TASK_CANCEL_REQUESTED, EventType.ACTIVITY_TASK_CANCELED,
				EventType.WORKFLOW_EXECUTION_CANCELED);
	}

	@Test
	void swfTimedOutTheLostTaskWithItsLastHeartbeatDetails() {
		DemoOutcome lost = only(TranscodeState.LOST);
		List<HistoryEvent> history = history(lost);
		HistoryEvent timedOut = history.stream()
			.filter((event) -> event.eventType() == EventType.ACTIVITY_TASK_TIMED_OUT)
			.findFirst()
			.orElseThrow();
		assertThat(timedOut.activityTaskTimedOutEventAttributes().details()).endsWith("%");
		assertThat(eventTypes(lost)).endsWith(EventType.WORKFLOW_EXECUTION_FAILED);
	}

	@Test
	void completedTranscodesCompletedTheirWorkflows() {
		assertThat(this.runner.report().outcomes()).filteredOn((outcome) -> outcome.state() == TranscodeState.COMPLETED)
			.allSatisfy((outcome) -> assertThat(eventTypes(outcome)).contains(EventType.ACTIVITY_TASK_COMPLETED)
				.endsWith(EventType.WORKFLOW_EXECUTION_COMPLETED));
	}

	@Test
	void demoModeTurnsTheWebServerOff() {
		assertThat(this.context).isNotInstanceOf(WebApplicationContext.class);
	}

	private DemoOutcome only(TranscodeState state) {
		List<DemoOutcome> outcomes = this.runner.report()
			.outcomes()
			.stream()
			.filter((outcome) -> outcome.state() == state)
			.toList();
		assertThat(outcomes).hasSize(1);
		return outcomes.get(0);
	}

	private List<EventType> eventTypes(DemoOutcome outcome) {
		return history(outcome).stream().map(HistoryEvent::eventType).toList();
	}

	private List<HistoryEvent> history(DemoOutcome outcome) {
		return this.swf.history(this.types.domain(),
				WorkflowExecution.builder().workflowId(outcome.transcodeId()).runId(outcome.runId()).build());
	}

}
