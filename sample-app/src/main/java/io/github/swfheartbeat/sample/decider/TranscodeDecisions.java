package io.github.swfheartbeat.sample.decider;

import java.util.List;

import io.github.swfheartbeat.sample.workflow.TranscodeTypes;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.services.swf.model.ActivityType;
import software.amazon.awssdk.services.swf.model.Decision;
import software.amazon.awssdk.services.swf.model.DecisionType;
import software.amazon.awssdk.services.swf.model.HistoryEvent;
import software.amazon.awssdk.services.swf.model.TaskList;

/**
 * The transcode workflow's logic: from an execution's full history, the decisions to make next.
 * It keeps no state of its own, so any decider thread, or any decider process, can take any
 * decision task.
 * <ul>
 * <li>a new execution schedules its one activity;</li>
 * <li>a cancellation request of the execution becomes RequestCancelActivityTask, once;</li>
 * <li>the activity's end closes the execution: completed, canceled, or failed when the activity
 * failed or timed out.</li>
 * </ul>
 */
public final class TranscodeDecisions {

	private final ActivityType activityType;

	private final TaskList taskList;

	/**
	 * Creates the logic.
	 * @param activityType the transcode activity's type
	 * @param taskList where to schedule the activity
	 */
	public TranscodeDecisions(ActivityType activityType, TaskList taskList) {
		this.activityType = activityType;
		this.taskList = taskList;
	}

	/**
	 * Decides what to do next.
	 * @param history the execution's events, oldest first
	 * @return the decisions, empty when the execution waits for its activity
	 */
	public List<Decision> decide(List<HistoryEvent> history) {
		WorkflowProgress progress = WorkflowProgress.of(history);
		if (progress.activityCompleted()) {
			return List.of(Decision.builder()
				.decisionType(DecisionType.COMPLETE_WORKFLOW_EXECUTION)
				.completeWorkflowExecutionDecisionAttributes((attributes) -> attributes.result(progress.result()))
				.build());
		}
		if (progress.activityCanceled() || (progress.cancelRequested() && !progress.activityScheduled())) {
			return List.of(Decision.builder()
				.decisionType(DecisionType.CANCEL_WORKFLOW_EXECUTION)
				.cancelWorkflowExecutionDecisionAttributes((attributes) -> attributes.details(progress.result()))
				.build());
		}
		if (progress.failure() != null) {
			return List.of(fail(progress.failure()));
		}
		if (!progress.activityScheduled()) {
			return List.of(Decision.builder()
				.decisionType(DecisionType.SCHEDULE_ACTIVITY_TASK)
				.scheduleActivityTaskDecisionAttributes((attributes) -> attributes.activityId(TranscodeTypes.ACTIVITY_ID)
					.activityType(this.activityType)
					.taskList(this.taskList)
					.input(progress.input()))
				.build());
		}
		if (progress.cancelRequested() && !progress.activityCancelRequested()) {
			return List.of(Decision.builder()
				.decisionType(DecisionType.REQUEST_CANCEL_ACTIVITY_TASK)
				.requestCancelActivityTaskDecisionAttributes(
						(attributes) -> attributes.activityId(TranscodeTypes.ACTIVITY_ID))
				.build());
		}
		return List.of();
	}

	private static Decision fail(String reason) {
		return Decision.builder()
			.decisionType(DecisionType.FAIL_WORKFLOW_EXECUTION)
			.failWorkflowExecutionDecisionAttributes((attributes) -> attributes.reason(reason))
			.build();
	}

	/**
	 * What an execution's history says about its activity.
	 */
	private record WorkflowProgress(@Nullable String input, boolean activityScheduled, boolean activityCompleted,
			boolean activityCanceled, @Nullable String failure, boolean cancelRequested,
			boolean activityCancelRequested, @Nullable String result) {

		static WorkflowProgress of(List<HistoryEvent> history) {
			String input = null;
			boolean scheduled = false;
			boolean completed = false;
			boolean canceled = false;
			String failure = null;
			boolean cancelRequested = false;
			boolean activityCancelRequested = false;
			String result = null;
			for (HistoryEvent event : history) {
				switch (event.eventType()) {
					case WORKFLOW_EXECUTION_STARTED -> input = event.workflowExecutionStartedEventAttributes().input();
					case ACTIVITY_TASK_SCHEDULED -> scheduled = true;
					case SCHEDULE_ACTIVITY_TASK_FAILED -> failure = "ScheduleActivityTask failed: "
							+ event.scheduleActivityTaskFailedEventAttributes().causeAsString();
					case ACTIVITY_TASK_COMPLETED -> {
						completed = true;
						result = event.activityTaskCompletedEventAttributes().result();
					}
					case ACTIVITY_TASK_CANCELED -> {
						canceled = true;
						result = event.activityTaskCanceledEventAttributes().details();
					}
					case ACTIVITY_TASK_FAILED -> failure = "Activity failed: "
							+ event.activityTaskFailedEventAttributes().reason();
					case ACTIVITY_TASK_TIMED_OUT -> failure = "Activity timed out: "
							+ event.activityTaskTimedOutEventAttributes().timeoutTypeAsString();
					case WORKFLOW_EXECUTION_CANCEL_REQUESTED -> cancelRequested = true;
					case ACTIVITY_TASK_CANCEL_REQUESTED, REQUEST_CANCEL_ACTIVITY_TASK_FAILED ->
						activityCancelRequested = true;
					default -> {
					}
				}
			}
			return new WorkflowProgress(input, scheduled, completed, canceled, failure, cancelRequested,
					activityCancelRequested, result);
		}

	}

}
