package io.github.swfheartbeat.sample.decider;

import java.util.ArrayList;
import java.util.List;

import io.github.swfheartbeat.sample.workflow.TranscodeTypes;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.swf.model.ActivityTaskTimeoutType;
import software.amazon.awssdk.services.swf.model.ActivityType;
import software.amazon.awssdk.services.swf.model.Decision;
import software.amazon.awssdk.services.swf.model.DecisionType;
import software.amazon.awssdk.services.swf.model.EventType;
import software.amazon.awssdk.services.swf.model.HistoryEvent;
import software.amazon.awssdk.services.swf.model.TaskList;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link TranscodeDecisions}.
 */
class TranscodeDecisionsTests {

	private static final String INPUT = "{\"video\":\"a.mp4\",\"steps\":3,\"stepMillis\":10}";

	private final TranscodeDecisions decisions = new TranscodeDecisions(
			ActivityType.builder().name("TranscodeVideo").version("1").build(),
			TaskList.builder().name("transcode").build());

	private final List<HistoryEvent> history = new ArrayList<>();

	@Test
	void newExecutionSchedulesItsActivityWithTheWorkflowInput() {
		started();
		Decision decision = single(this.decisions.decide(this.history));
		assertThat(decision.decisionType()).isEqualTo(DecisionType.SCHEDULE_ACTIVITY_TASK);
		assertThat(decision.scheduleActivityTaskDecisionAttributes().activityId()).isEqualTo(TranscodeTypes.ACTIVITY_ID);
		assertThat(decision.scheduleActivityTaskDecisionAttributes().input()).isEqualTo(INPUT);
		assertThat(decision.scheduleActivityTaskDecisionAttributes().taskList().name()).isEqualTo("transcode");
	}

	@Test
	void runningActivityNeedsNoDecision() {
		started();
		event(EventType.ACTIVITY_TASK_SCHEDULED);
		event(EventType.ACTIVITY_TASK_STARTED);
		assertThat(this.decisions.decide(this.history)).isEmpty();
	}

	@Test
	void cancellationRequestOfTheExecutionRequestsCancellationOfTheActivityOnce() {
		started();
		event(EventType.ACTIVITY_TASK_SCHEDULED);
		event(EventType.ACTIVITY_TASK_STARTED);
		event(EventType.WORKFLOW_EXECUTION_CANCEL_REQUESTED);
		Decision decision = single(this.decisions.decide(this.history));
		assertThat(decision.decisionType()).isEqualTo(DecisionType.REQUEST_CANCEL_ACTIVITY_TASK);
		assertThat(decision.requestCancelActivityTaskDecisionAttributes().activityId())
			.isEqualTo(TranscodeTypes.ACTIVITY_ID);
		event(EventType.ACTIVITY_TASK_CANCEL_REQUESTED);
		assertThat(this.decisions.decide(this.history)).isEmpty();
	}

	@Test
	void cancellationRequestBeforeSchedulingCancelsTheExecution() {
		started();
		event(EventType.WORKFLOW_EXECUTION_CANCEL_REQUESTED);
		assertThat(single(this.decisions.decide(this.history)).decisionType())
			.isEqualTo(DecisionType.CANCEL_WORKFLOW_EXECUTION);
	}

	@Test
	void canceledActivityCancelsTheExecution() {
		started();
		event(EventType.ACTIVITY_TASK_SCHEDULED);
		event(EventType.WORKFLOW_EXECUTION_CANCEL_REQUESTED);
		event(EventType.ACTIVITY_TASK_CANCEL_REQUESTED);
		this.history.add(HistoryEvent.builder()
			.eventType(EventType.ACTIVITY_TASK_CANCELED)
			.activityTaskCanceledEventAttributes((attributes) -> attributes.details("40%"))
			.build());
		Decision decision = single(this.decisions.decide(this.history));
		assertThat(decision.decisionType()).isEqualTo(DecisionType.CANCEL_WORKFLOW_EXECUTION);
		assertThat(decision.cancelWorkflowExecutionDecisionAttributes().details()).isEqualTo("40%");
	}

	@Test
	void completedActivityCompletesTheExecutionWithItsResult() {
		started();
		event(EventType.ACTIVITY_TASK_SCHEDULED);
		completed("done");
		Decision decision = single(this.decisions.decide(this.history));
		assertThat(decision.decisionType()).isEqualTo(DecisionType.COMPLETE_WORKFLOW_EXECUTION);
		assertThat(decision.completeWorkflowExecutionDecisionAttributes().result()).isEqualTo("done");
	}

	@Test
	void timedOutActivityFailsTheExecution() {
		started();
		event(EventType.ACTIVITY_TASK_SCHEDULED);
		this.history.add(HistoryEvent.builder()
			.eventType(EventType.ACTIVITY_TASK_TIMED_OUT)
			.activityTaskTimedOutEventAttributes((attributes) -> attributes.timeoutType(ActivityTaskTimeoutType.HEARTBEAT))
			.build());
		Decision decision = single(this.decisions.decide(this.history));
		assertThat(decision.decisionType()).isEqualTo(DecisionType.FAIL_WORKFLOW_EXECUTION);
		assertThat(decision.failWorkflowExecutionDecisionAttributes().reason()).contains("HEARTBEAT");
	}

	@Test
	void completionWinsOverALateCancellationRequest() {
		started();
		event(EventType.ACTIVITY_TASK_SCHEDULED);
		completed("done");
		event(EventType.WORKFLOW_EXECUTION_CANCEL_REQUESTED);
		assertThat(single(this.decisions.decide(this.history)).decisionType())
			.isEqualTo(DecisionType.COMPLETE_WORKFLOW_EXECUTION);
	}

	private void started() {
		this.history.add(HistoryEvent.builder()
			.eventType(EventType.WORKFLOW_EXECUTION_STARTED)
			.workflowExecutionStartedEventAttributes((attributes) -> attributes.input(INPUT))
			.build());
	}

	private void completed(String result) {
		this.history.add(HistoryEvent.builder()
			.eventType(EventType.ACTIVITY_TASK_COMPLETED)
			.activityTaskCompletedEventAttributes((attributes) -> attributes.result(result))
			.build());
	}

	private void event(EventType type) {
		this.history.add(HistoryEvent.builder().eventType(type).build());
	}

	private static Decision single(List<Decision> decided) {
		assertThat(decided).hasSize(1);
		return decided.get(0);
	}

}
