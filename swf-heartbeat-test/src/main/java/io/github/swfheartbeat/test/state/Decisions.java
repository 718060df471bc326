package io.github.swfheartbeat.test.state;

import java.util.List;
import java.util.function.Consumer;

import io.github.swfheartbeat.test.json.JsonObject;

/**
 * Decision tasks: scheduling them when history changes, PollForDecisionTask and
 * RespondDecisionTaskCompleted, whose decisions it checks and hands, one by one, to the class that
 * carries out each type (activities, timers, child workflows, external requests, continue-as-new,
 * Lambda functions); markers and closing decisions it records itself.
 */
final class Decisions {

	/** Every decision type of SWF's API. */
	private static final List<String> DECISION_TYPES = List.of("ScheduleActivityTask",
			"RequestCancelActivityTask", "CompleteWorkflowExecution", "FailWorkflowExecution",
			"CancelWorkflowExecution", "RecordMarker", "StartTimer", "CancelTimer", "ContinueAsNewWorkflowExecution",
			"SignalExternalWorkflowExecution", "RequestCancelExternalWorkflowExecution", "StartChildWorkflowExecution",
			"ScheduleLambdaFunction");

	private final SwfModel model;

	private final ModelContext context;

	private final DecisionTaskTimeouts timeouts;

	Decisions(SwfModel model) {
		this.model = model;
		this.context = model.context;
		this.timeouts = new DecisionTaskTimeouts(model);
	}

	/**
	 * Schedules a decision task after an event a decider must see. Like SWF, an execution has at
	 * most one scheduled and one started decision task: while one is started, the new events wait
	 * for the next, scheduled when the current one completes.
	 */
	void schedule(WorkflowExecution execution) {
		schedule(execution, true);
	}

	private void schedule(WorkflowExecution execution, boolean offerToPollers) {
		if (!execution.isOpen()) {
			return;
		}
		DecisionTask current = execution.decisionTask;
		if (current != null) {
			if (current.isStarted()) {
				execution.decisionPending = true;
			}
			return;
		}
		WorkflowExecution.TaskListOverride override = execution.decisionTaskListOverride;
		JsonObject taskList = (override != null) ? override.taskList() : execution.taskList;
		long scheduleToStart = (override != null) ? override.scheduleToStartTimeout() : DurationText.NONE;
		long eventId = execution.append("DecisionTaskScheduled", new JsonObject().put("taskList", taskList)
			.put("taskPriority", execution.taskPriority)
			.put("startToCloseTimeout", DurationText.format(execution.taskStartToCloseTimeout))
			.put("scheduleToStartTimeout",
					(scheduleToStart != DurationText.NONE) ? DurationText.format(scheduleToStart) : null),
				this.context.timestamp());
		DecisionTask task = new DecisionTask(execution, eventId, taskList.string("name"), this.context.nanoTime(),
				scheduleToStart);
		execution.decisionTask = task;
		this.timeouts.armScheduleToStart(task);
		if (!offerToPollers) {
			return;
		}
		TaskQueue<DecisionTask> queue = execution.domain.decisionTaskList(task.taskList);
		PollWaiter waiter = queue.nextWaiter();
		if (waiter != null) {
			waiter.complete(start(task, waiter.identity, waiter.maximumPageSize, waiter.reverseOrder));
		}
		else {
			queue.addTask(task);
		}
	}

	void poll(JsonObject input, Consumer<JsonObject> reply) {
		String domainName = input.requiredString("domain", 1, 256);
		String taskListName = input.requiredObject("taskList").requiredString("name", 1, 256);
		String identity = input.string("identity", 0, 256);
		String pageToken = input.string("nextPageToken", 0, 2048);
		int pageSize = HistoryPages.pageSize(input);
		boolean reverseOrder = input.bool("reverseOrder", false);
		// A task at hand is answered after the lock is released; a waiting poll is answered later.
		JsonObject response = this.context.locked(() -> {
			Domain domain = this.context.domain(domainName);
			if (pageToken != null) {
				return nextPage(domain, HistoryPages.Cursor.decode(pageToken), pageSize, reverseOrder);
			}
			TaskQueue<DecisionTask> taskList = domain.decisionTaskList(taskListName);
			DecisionTask task = taskList.nextTask((queued) -> {
				// Never hand out a decision task of an execution whose own deadline passed unnoticed,
				// nor one whose schedule-to-start did.
				this.model.executions.timeOutIfDue(queued.execution);
				this.timeouts.timeOutIfDue(queued);
				return queued.isAvailable();
			});
			if (task != null) {
				return start(task, identity, pageSize, reverseOrder);
			}
			this.context.park(taskList, new PollWaiter(identity, pageSize, reverseOrder, reply), noTask());
			return null;
		});
		if (response != null) {
			reply.accept(response);
		}
	}

	static JsonObject noTask() {
		// SWF's API reference: a poll that found nothing returns a DecisionTask "whose taskToken is
		// an empty string".
		return new JsonObject().put("taskToken", "").put("startedEventId", 0L).put("previousStartedEventId", 0L);
	}

	private JsonObject nextPage(Domain domain, HistoryPages.Cursor cursor, int pageSize, boolean reverseOrder) {
		WorkflowExecution execution = domain.executions.get(Domain.executionKey(cursor.workflowId(), cursor.runId()));
		if (execution == null) {
			throw SwfFault.unknownResource("Unknown execution for nextPageToken");
		}
		JsonObject response = new JsonObject();
		DecisionTask task = execution.decisionTask;
		if (task != null && task.isStarted()) {
			response.put("taskToken", task.taskToken).put("startedEventId", task.startedEventId);
		}
		response.put("workflowExecution", execution.identity())
			.put("workflowType", execution.type.identity())
			.put("previousStartedEventId", execution.previousStartedEventId);
		return HistoryPages.page(execution, cursor, pageSize, reverseOrder, response);
	}

	private JsonObject start(DecisionTask task, String identity, int pageSize, boolean reverseOrder) {
		WorkflowExecution execution = task.execution;
		// Timeouts and timers that are due belong in the history this decision task hands out.
		this.model.activities.timeOutDue(execution);
		this.model.timers.fireDue(execution);
		task.startedEventId = execution.append("DecisionTaskStarted",
				new JsonObject().put("identity", identity).put("scheduledEventId", task.scheduledEventId),
				this.context.timestamp());
		task.taskToken = TaskTokens.newToken();
		task.startedAtNanos = this.context.nanoTime();
		this.context.decisionTasksByToken.put(task.taskToken, task);
		this.timeouts.armStartToClose(task);
		JsonObject response = new JsonObject().put("taskToken", task.taskToken)
			.put("startedEventId", task.startedEventId)
			.put("workflowExecution", execution.identity())
			.put("workflowType", execution.type.identity())
			.put("previousStartedEventId", execution.previousStartedEventId);
		return HistoryPages.page(execution, null, pageSize, reverseOrder, response);
	}

	JsonObject respondCompleted(JsonObject input) {
		String taskToken = input.requiredString("taskToken", 1, 1024);
		List<JsonObject> decisions = input.objects("decisions");
		String executionContext = input.string("executionContext", 0, 32768);
		JsonObject taskList = input.object("taskList");
		String taskListTimeout = input.string("taskListScheduleToStartTimeout", 0, 8);
		Long scheduleToStart = DurationText.parse("taskListScheduleToStartTimeout", taskListTimeout);
		if (taskList != null) {
			taskList.requiredString("name", 1, 256);
		}
		decisions.forEach(Decisions::validate);
		return this.context.locked(() -> {
			DecisionTask task = this.context.decisionTasksByToken.get(taskToken);
			if (task != null) {
				this.model.executions.timeOutIfDue(task.execution);
				// Judged now, whether or not the timer has fired.
				this.timeouts.timeOutIfDue(task);
			}
			if (task == null || task.execution.decisionTask != task || !task.execution.isOpen()) {
				throw SwfFault.unknownResource("Unknown decision task, token " + TaskTokens.fingerprint(taskToken));
			}
			// A timer that fired while the decider worked is an event it has not seen.
			this.model.timers.fireDue(task.execution);
			JsonObject completed = new JsonObject().put("executionContext", executionContext);
			if (taskList != null) {
				completed.put("taskList", new JsonObject().put("name", taskList.string("name")))
					.put("taskListScheduleToStartTimeout", taskListTimeout);
				task.execution.decisionTaskListOverride = new WorkflowExecution.TaskListOverride(
						(JsonObject) completed.get("taskList"),
						(scheduleToStart != null) ? scheduleToStart : DurationText.NONE);
			}
			complete(task, decisions, completed);
			return new JsonObject();
		});
	}

	/**
	 * Runs one decision cycle without a decider, as the endpoint's own helpers do: schedules a
	 * decision task if none is, starts it and completes it with the given decisions.
	 * @throws IllegalStateException if a decider holds the execution's decision task
	 */
	void decideDirectly(WorkflowExecution execution, List<JsonObject> decisions, String identity) {
		decisions.forEach(Decisions::validate);
		if (!execution.isOpen()) {
			throw new IllegalStateException(execution.describe() + " is closed");
		}
		if (execution.decisionTask != null && execution.decisionTask.isStarted()) {
			throw new IllegalStateException("A decider holds the decision task of " + execution.describe());
		}
		// Not offered to pollers: this cycle is the helper's own.
		schedule(execution, false);
		DecisionTask task = execution.decisionTask;
		start(task, identity, 1, false);
		complete(task, decisions, new JsonObject());
	}

	/**
	 * Completes a started task: {@code completed} holds what the decider sent besides its
	 * decisions (execution context, task list), as the DecisionTaskCompleted event records it.
	 */
	private void complete(DecisionTask task, List<JsonObject> decisions, JsonObject completed) {
		WorkflowExecution execution = task.execution;
		this.timeouts.cancel(task);
		this.context.decisionTasksByToken.remove(task.taskToken);
		long completedEventId = execution.append("DecisionTaskCompleted",
				completed.put("scheduledEventId", task.scheduledEventId).put("startedEventId", task.startedEventId),
				this.context.timestamp());
		String executionContext = completed.string("executionContext");
		if (executionContext != null) {
			execution.latestExecutionContext = executionContext;
		}
		execution.previousStartedEventId = task.startedEventId;
		// Events that arrived while the decider worked are unhandled: the decider has not seen them.
		boolean unhandledEvents = execution.decisionPending;
		execution.decisionPending = false;
		// The task stays current while its decisions run, so events they cause wait for one new
		// decision task, scheduled after them as in SWF's histories.
		for (JsonObject decision : decisions) {
			if (!execution.isOpen()) {
				break;
			}
			apply(execution, decision, completedEventId, unhandledEvents);
		}
		if (execution.decisionTask == task) {
			execution.decisionTask = null;
		}
		boolean again = unhandledEvents || execution.decisionPending;
		execution.decisionPending = false;
		if (again) {
			schedule(execution);
		}
	}

	private void apply(WorkflowExecution execution, JsonObject decision, long completedEventId,
			boolean unhandledEvents) {
		String type = decision.string("decisionType");
		switch (type) {
			case "ScheduleActivityTask" -> this.model.activities.schedule(execution,
					decision.requiredObject("scheduleActivityTaskDecisionAttributes"), completedEventId);
			case "RequestCancelActivityTask" -> this.model.activities.requestCancel(execution,
					decision.requiredObject("requestCancelActivityTaskDecisionAttributes").string("activityId"),
					completedEventId);
			case "StartTimer" -> this.model.timers.start(execution,
					decision.requiredObject("startTimerDecisionAttributes"), completedEventId);
			case "CancelTimer" -> this.model.timers.cancel(execution,
					decision.requiredObject("cancelTimerDecisionAttributes").string("timerId"), completedEventId);
			case "ScheduleLambdaFunction" -> this.model.lambdaFunctions.schedule(execution,
					decision.requiredObject("scheduleLambdaFunctionDecisionAttributes"), completedEventId);
			case "StartChildWorkflowExecution" -> this.model.childWorkflows.start(execution,
					decision.requiredObject("startChildWorkflowExecutionDecisionAttributes"), completedEventId);
			case "SignalExternalWorkflowExecution" -> this.model.externalRequests.signal(execution,
					decision.requiredObject("signalExternalWorkflowExecutionDecisionAttributes"), completedEventId);
			case "RequestCancelExternalWorkflowExecution" -> this.model.externalRequests.requestCancel(execution,
					decision.requiredObject("requestCancelExternalWorkflowExecutionDecisionAttributes"),
					completedEventId);
			case "RecordMarker" -> {
				JsonObject attributes = decision.requiredObject("recordMarkerDecisionAttributes");
				execution.append("MarkerRecorded", new JsonObject().put("markerName", attributes.string("markerName"))
					.put("details", attributes.string("details"))
					.put("decisionTaskCompletedEventId", completedEventId), this.context.timestamp());
			}
			default -> closeExecution(execution, decision, type, completedEventId, unhandledEvents);
		}
	}

	private void closeExecution(WorkflowExecution execution, JsonObject decision, String type, long completedEventId,
			boolean unhandledEvents) {
		String outcome = type.substring(0, type.length() - "WorkflowExecution".length());
		if (unhandledEvents) {
			// SWF refuses to close an execution over events its decider has not seen.
			execution.append(outcome + "WorkflowExecutionFailed", new JsonObject().put("cause", "UNHANDLED_DECISION")
				.put("decisionTaskCompletedEventId", completedEventId), this.context.timestamp());
			execution.decisionPending = true;
			return;
		}
		String attributesName = Character.toLowerCase(type.charAt(0)) + type.substring(1) + "DecisionAttributes";
		JsonObject attributes = decision.object(attributesName);
		if ("ContinueAsNew".equals(outcome)) {
			this.model.continueAsNew.apply(execution, attributes, completedEventId);
			return;
		}
		JsonObject event = new JsonObject().put("decisionTaskCompletedEventId", completedEventId);
		if (attributes != null) {
			attributes.members().forEach(event::put);
		}
		String closeStatus = switch (outcome) {
			case "Complete" -> "COMPLETED";
			case "Fail" -> "FAILED";
			default -> "CANCELED";
		};
		String eventType = switch (outcome) {
			case "Complete" -> "WorkflowExecutionCompleted";
			case "Fail" -> "WorkflowExecutionFailed";
			default -> "WorkflowExecutionCanceled";
		};
		this.model.executions.close(execution, closeStatus, eventType, event);
	}

	private static void validate(JsonObject decision) {
		String type = decision.requiredString("decisionType", 1, 64);
		if (!DECISION_TYPES.contains(type)) {
			throw SwfFault.validation("1 validation error detected: Value '" + type
					+ "' at 'decisionType' failed to satisfy constraint: Member must satisfy enum value set: "
					+ DECISION_TYPES);
		}
		switch (type) {
			case "ScheduleActivityTask" -> {
				JsonObject attributes = decision.requiredObject("scheduleActivityTaskDecisionAttributes");
				JsonObject activityType = attributes.requiredObject("activityType");
				activityType.requiredString("name", 1, 256);
				activityType.requiredString("version", 1, 64);
				attributes.requiredString("activityId", 1, 256);
				attributes.string("input", 0, 32768);
				attributes.string("control", 0, 32768);
				JsonObject taskList = attributes.object("taskList");
				if (taskList != null) {
					taskList.requiredString("name", 1, 256);
				}
				for (String timeout : Activities.TIMEOUT_FIELDS) {
					DurationText.parse(timeout, attributes.string(timeout, 0, 8));
				}
			}
			case "RequestCancelActivityTask" -> decision.requiredObject("requestCancelActivityTaskDecisionAttributes")
				.requiredString("activityId", 1, 256);
			case "RecordMarker" -> decision.requiredObject("recordMarkerDecisionAttributes")
				.requiredString("markerName", 1, 256);
			case "StartTimer" -> Timers.validateStart(decision.requiredObject("startTimerDecisionAttributes"));
			case "CancelTimer" -> Timers.validateCancel(decision.requiredObject("cancelTimerDecisionAttributes"));
			case "ScheduleLambdaFunction" -> LambdaFunctions
				.validateSchedule(decision.requiredObject("scheduleLambdaFunctionDecisionAttributes"));
			case "StartChildWorkflowExecution" -> ChildWorkflows
				.validateStart(decision.requiredObject("startChildWorkflowExecutionDecisionAttributes"));
			case "SignalExternalWorkflowExecution" -> ExternalRequests
				.validateSignal(decision.requiredObject("signalExternalWorkflowExecutionDecisionAttributes"));
			case "RequestCancelExternalWorkflowExecution" -> ExternalRequests
				.validateTarget(decision.requiredObject("requestCancelExternalWorkflowExecutionDecisionAttributes"));
			case "ContinueAsNewWorkflowExecution" -> ContinueAsNew
				.validate(decision.object("continueAsNewWorkflowExecutionDecisionAttributes"));
			case "CompleteWorkflowExecution" -> {
				JsonObject attributes = decision.object("completeWorkflowExecutionDecisionAttributes");
				if (attributes != null) {
					attributes.string("result", 0, 32768);
				}
			}
			case "FailWorkflowExecution" -> {
				JsonObject attributes = decision.object("failWorkflowExecutionDecisionAttributes");
				if (attributes != null) {
					attributes.string("reason", 0, 256);
					attributes.string("details", 0, 32768);
				}
			}
			default -> {
				JsonObject attributes = decision.object("cancelWorkflowExecutionDecisionAttributes");
				if (attributes != null) {
					attributes.string("details", 0, 32768);
				}
			}
		}
	}

	/**
	 * Drops the execution's decision task, as when the execution closes.
	 */
	void discard(WorkflowExecution execution) {
		DecisionTask task = execution.decisionTask;
		if (task != null) {
			this.timeouts.cancel(task);
			if (task.taskToken != null) {
				this.context.decisionTasksByToken.remove(task.taskToken);
			}
			execution.decisionTask = null;
		}
	}

	/**
	 * Answers every waiting decision poll with no task, as when the endpoint stops.
	 */
	void releasePollers() {
		for (Domain domain : this.context.domains.values()) {
			for (TaskQueue<DecisionTask> taskList : domain.decisionTaskLists.values()) {
				taskList.releaseWaiters((waiter) -> waiter.complete(noTask()));
			}
		}
	}

}
