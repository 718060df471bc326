package io.github.swfheartbeat.test.conformance;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;

import software.amazon.awssdk.services.swf.SwfClient;
import software.amazon.awssdk.services.swf.model.ActivityType;
import software.amazon.awssdk.services.swf.model.Decision;
import software.amazon.awssdk.services.swf.model.DecisionType;
import software.amazon.awssdk.services.swf.model.EventType;
import software.amazon.awssdk.services.swf.model.HistoryEvent;
import software.amazon.awssdk.services.swf.model.PollForActivityTaskResponse;
import software.amazon.awssdk.services.swf.model.PollForDecisionTaskResponse;
import software.amazon.awssdk.services.swf.model.ScheduleActivityTaskDecisionAttributes;
import software.amazon.awssdk.services.swf.model.StartChildWorkflowExecutionDecisionAttributes;
import software.amazon.awssdk.services.swf.model.StartWorkflowExecutionRequest;
import software.amazon.awssdk.services.swf.model.WorkflowExecution;
import software.amazon.awssdk.services.swf.model.WorkflowType;

import static org.awaitility.Awaitility.await;

/**
 * One workflow execution of a scenario, with task lists of its own so that polls find only its
 * tasks, and the decider's and worker's moves as one-liners.
 */
final class WorkflowRun {

	final SwfClient client;

	final String domain;

	final WorkflowExecution execution;

	final String decisionTaskList;

	final String activityTaskList = "activities-" + UUID.randomUUID();

	private final Duration patience;

	private WorkflowRun(SwfClient client, String domain, WorkflowType type, Duration patience,
			Consumer<StartWorkflowExecutionRequest.Builder> options) {
		this.client = client;
		this.patience = patience;
		this.domain = domain;
		this.decisionTaskList = "decisions-" + UUID.randomUUID();
		String workflowId = "workflow-" + UUID.randomUUID();
		String runId = client.startWorkflowExecution((request) -> {
			request.domain(domain)
				.workflowId(workflowId)
				.workflowType(type)
				.taskList((taskList) -> taskList.name(this.decisionTaskList))
				.input("workflow input");
			options.accept(request);
		}).runId();
		this.execution = WorkflowExecution.builder().workflowId(workflowId).runId(runId).build();
	}

	private WorkflowRun(WorkflowRun starter, WorkflowExecution execution, String decisionTaskList) {
		this.client = starter.client;
		this.patience = starter.patience;
		this.domain = starter.domain;
		this.execution = execution;
		this.decisionTaskList = decisionTaskList;
	}

	/**
	 * Returns a run this one's decider started as a child on a decision task list of its own.
	 */
	WorkflowRun child(WorkflowExecution execution, String decisionTaskList) {
		return new WorkflowRun(this, execution, decisionTaskList);
	}

	static WorkflowRun start(ConformanceTarget target, String domain, WorkflowType type) {
		return start(target, domain, type, (request) -> {
		});
	}

	/**
	 * Starts a run with more of StartWorkflowExecution's members, e.g. its timeouts or {@code tagList}.
	 */
	static WorkflowRun start(ConformanceTarget target, String domain, WorkflowType type,
			Consumer<StartWorkflowExecutionRequest.Builder> options) {
		return new WorkflowRun(target.client(), domain, type, target.patience(), options);
	}

	/**
	 * Polls until a decision task arrives: a long poll may end with none.
	 */
	PollForDecisionTaskResponse nextDecisionTask() {
		long deadline = System.nanoTime() + this.patience.toNanos();
		while (System.nanoTime() < deadline) {
			PollForDecisionTaskResponse task = this.client.pollForDecisionTask((request) -> request.domain(this.domain)
				.taskList((taskList) -> taskList.name(this.decisionTaskList))
				.identity("conformance-decider"));
			if (task.taskToken() != null && !task.taskToken().isEmpty()) {
				return task;
			}
		}
		throw new AssertionError("No task arrived within " + this.patience);
	}

	/**
	 * Polls until an activity task arrives.
	 */
	PollForActivityTaskResponse nextActivityTask() {
		long deadline = System.nanoTime() + this.patience.toNanos();
		while (System.nanoTime() < deadline) {
			PollForActivityTaskResponse task = this.client.pollForActivityTask((request) -> request.domain(this.domain)
				.taskList((taskList) -> taskList.name(this.activityTaskList))
				.identity("conformance-worker"));
			if (task.taskToken() != null && !task.taskToken().isEmpty()) {
				return task;
			}
		}
		throw new AssertionError("No task arrived within " + this.patience);
	}

	void decide(PollForDecisionTaskResponse task, Decision... decisions) {
		this.client.respondDecisionTaskCompleted((request) -> request.taskToken(task.taskToken()).decisions(decisions));
	}

	Decision scheduleActivity(ActivityType type, String activityId,
			Consumer<ScheduleActivityTaskDecisionAttributes.Builder> attributes) {
		ScheduleActivityTaskDecisionAttributes.Builder builder = ScheduleActivityTaskDecisionAttributes.builder()
			.activityType(type)
			.activityId(activityId)
			.taskList((taskList) -> taskList.name(this.activityTaskList))
			.input("activity input");
		attributes.accept(builder);
		return Decision.builder()
			.decisionType(DecisionType.SCHEDULE_ACTIVITY_TASK)
			.scheduleActivityTaskDecisionAttributes(builder.build())
			.build();
	}

	static Decision requestCancel(String activityId) {
		return Decision.builder()
			.decisionType(DecisionType.REQUEST_CANCEL_ACTIVITY_TASK)
			.requestCancelActivityTaskDecisionAttributes((attributes) -> attributes.activityId(activityId))
			.build();
	}

	static Decision fail(String reason) {
		return Decision.builder()
			.decisionType(DecisionType.FAIL_WORKFLOW_EXECUTION)
			.failWorkflowExecutionDecisionAttributes((attributes) -> attributes.reason(reason).details("details"))
			.build();
	}

	static Decision cancel(String details) {
		return Decision.builder()
			.decisionType(DecisionType.CANCEL_WORKFLOW_EXECUTION)
			.cancelWorkflowExecutionDecisionAttributes((attributes) -> attributes.details(details))
			.build();
	}

	static Decision complete(String result) {
		return Decision.builder()
			.decisionType(DecisionType.COMPLETE_WORKFLOW_EXECUTION)
			.completeWorkflowExecutionDecisionAttributes((attributes) -> attributes.result(result))
			.build();
	}

	static Decision startTimer(String timerId, String startToFireTimeout) {
		return Decision.builder()
			.decisionType(DecisionType.START_TIMER)
			.startTimerDecisionAttributes((attributes) -> attributes.timerId(timerId)
				.startToFireTimeout(startToFireTimeout)
				.control("control of " + timerId))
			.build();
	}

	static Decision cancelTimer(String timerId) {
		return Decision.builder()
			.decisionType(DecisionType.CANCEL_TIMER)
			.cancelTimerDecisionAttributes((attributes) -> attributes.timerId(timerId))
			.build();
	}

	/**
	 * Starts a child of the given workflow id on a decision task list named after it.
	 */
	static Decision startChild(WorkflowType type, String workflowId,
			Consumer<StartChildWorkflowExecutionDecisionAttributes.Builder> options) {
		StartChildWorkflowExecutionDecisionAttributes.Builder attributes = StartChildWorkflowExecutionDecisionAttributes
			.builder()
			.workflowType(type)
			.workflowId(workflowId)
			.taskList((taskList) -> taskList.name("decisions-" + workflowId))
			.input("input of " + workflowId)
			.control("control of " + workflowId);
		options.accept(attributes);
		return Decision.builder()
			.decisionType(DecisionType.START_CHILD_WORKFLOW_EXECUTION)
			.startChildWorkflowExecutionDecisionAttributes(attributes.build())
			.build();
	}

	static Decision signalExternal(String workflowId, String runId, String signalName) {
		return Decision.builder()
			.decisionType(DecisionType.SIGNAL_EXTERNAL_WORKFLOW_EXECUTION)
			.signalExternalWorkflowExecutionDecisionAttributes((attributes) -> attributes.workflowId(workflowId)
				.runId(runId)
				.signalName(signalName)
				.input("input of " + signalName)
				.control("control of " + signalName))
			.build();
	}

	static Decision requestCancelExternal(String workflowId, String runId) {
		return Decision.builder()
			.decisionType(DecisionType.REQUEST_CANCEL_EXTERNAL_WORKFLOW_EXECUTION)
			.requestCancelExternalWorkflowExecutionDecisionAttributes(
					(attributes) -> attributes.workflowId(workflowId).runId(runId).control("control of " + workflowId))
			.build();
	}

	/**
	 * Waits until the history holds events of all the given types: SWF records some outcomes a
	 * moment after the decision that asked for them.
	 */
	List<HistoryEvent> historyWith(EventType... types) {
		return await().atMost(this.patience)
			.pollInterval(Duration.ofMillis(100))
			.until(this::history, (history) -> types(history).containsAll(List.of(types)));
	}

	/**
	 * Asks for a decision task, as a signal does.
	 */
	void signal(String name) {
		this.client.signalWorkflowExecution((request) -> request.domain(this.domain)
			.workflowId(this.execution.workflowId())
			.runId(this.execution.runId())
			.signalName(name));
	}

	List<HistoryEvent> history() {
		return history(this.execution);
	}

	/**
	 * Returns the history of another execution of the scenario, e.g. a child or a new run.
	 */
	List<HistoryEvent> history(WorkflowExecution execution) {
		return history(this.client, this.domain, execution);
	}

	static List<HistoryEvent> history(SwfClient client, String domain, WorkflowExecution execution) {
		List<HistoryEvent> events = new ArrayList<>();
		client.getWorkflowExecutionHistoryPaginator((request) -> request.domain(domain).execution(execution))
			.forEach((page) -> events.addAll(page.events()));
		return events;
	}

	static List<EventType> types(List<HistoryEvent> history) {
		return history.stream().map(HistoryEvent::eventType).toList();
	}

	HistoryEvent last(List<HistoryEvent> history, EventType type) {
		HistoryEvent found = null;
		for (HistoryEvent event : history) {
			if (event.eventType() == type) {
				found = event;
			}
		}
		if (found == null) {
			throw new AssertionError("No " + type + " event in " + history);
		}
		return found;
	}

}
