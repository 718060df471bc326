package io.github.swfheartbeat.test.state;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Future;

import io.github.swfheartbeat.test.json.JsonObject;
import io.github.swfheartbeat.test.state.Domain.RegisteredType;

/**
 * One run of a workflow: its history and what is open in it.
 */
final class WorkflowExecution {

	final Domain domain;

	final String workflowId;

	final String runId;

	final RegisteredType type;

	final JsonObject taskList;

	final long taskStartToCloseTimeout;

	final long executionStartToCloseTimeout;

	final String childPolicy;

	final String taskPriority;

	final List<String> tagList;

	final BigDecimal startTimestamp;

	final List<JsonObject> history = new ArrayList<>();

	/** Open activity tasks by activity id; SWF keeps activity ids unique among open tasks. */
	final Map<String, ActivityTask> openActivities = new LinkedHashMap<>();

	/** The latest task of each activity id, open or closed, for inspection. */
	final Map<String, ActivityTask> latestActivities = new HashMap<>();

	/** Open timers by timer id; SWF keeps timer ids unique among open timers. */
	final Map<String, Timer> openTimers = new LinkedHashMap<>();

	/** Open child executions, the current run of each, by workflow id. */
	final Map<String, WorkflowExecution> openChildren = new LinkedHashMap<>();

	/** Where this run was started as a child, or {@code null}. */
	ParentLink parentLink;

	/** The decision task scheduled or started, if any: SWF allows at most one of each. */
	DecisionTask decisionTask;

	/**
	 * The task list a decider chose for the next decision tasks, or {@code null} for the
	 * execution's own; with a schedule-to-start timeout unless the choice is for good.
	 */
	TaskListOverride decisionTaskListOverride;

	/** Whether events arrived while a decision task was started, so another must follow it. */
	boolean decisionPending;

	long previousStartedEventId;

	String closeStatus;

	BigDecimal closeTimestamp;

	boolean cancelRequested;

	String latestExecutionContext;

	BigDecimal latestActivityTaskTimestamp;

	Future<?> executionTimer;

	/** The IAM role SWF would invoke Lambda functions with; kept only to be recorded. */
	String lambdaRole;

	/** When the execution started, on the model's clock, for its start-to-close timeout. */
	long startedAtNanos;

	WorkflowExecution(Domain domain, String workflowId, String runId, RegisteredType type, JsonObject taskList,
			long taskStartToCloseTimeout, long executionStartToCloseTimeout, String childPolicy, String taskPriority,
			List<String> tagList, BigDecimal startTimestamp) {
		this.domain = domain;
		this.workflowId = workflowId;
		this.runId = runId;
		this.type = type;
		this.taskList = taskList;
		this.taskStartToCloseTimeout = taskStartToCloseTimeout;
		this.executionStartToCloseTimeout = executionStartToCloseTimeout;
		this.childPolicy = childPolicy;
		this.taskPriority = taskPriority;
		this.tagList = tagList;
		this.startTimestamp = startTimestamp;
	}

	boolean isOpen() {
		return this.closeStatus == null;
	}

	/**
	 * Appends an event and returns its id; ids count from 1 in the order events happen.
	 */
	long append(String eventType, JsonObject attributes, BigDecimal timestamp) {
		long eventId = this.history.size() + 1;
		String attributesName = Character.toLowerCase(eventType.charAt(0)) + eventType.substring(1)
				+ "EventAttributes";
		this.history.add(new JsonObject().put("eventId", eventId)
			.put("eventTimestamp", timestamp)
			.put("eventType", eventType)
			.put(attributesName, attributes));
		return eventId;
	}

	/**
	 * Returns the timestamp, or the latest event's if that is later, so that history stays in order
	 * when an event is stamped with the moment it happened rather than when it was recorded.
	 */
	BigDecimal notBefore(BigDecimal timestamp) {
		if (this.history.isEmpty()) {
			return timestamp;
		}
		BigDecimal latest = (BigDecimal) this.history.get(this.history.size() - 1).get("eventTimestamp");
		return (latest.compareTo(timestamp) > 0) ? latest : timestamp;
	}

	/**
	 * Returns the WorkflowExecutionInfo that the List… and Count… visibility operations work on.
	 */
	JsonObject info() {
		return new JsonObject().put("execution", identity())
			.put("workflowType", this.type.identity())
			.put("startTimestamp", this.startTimestamp)
			.put("closeTimestamp", this.closeTimestamp)
			.put("executionStatus", isOpen() ? "OPEN" : "CLOSED")
			.put("closeStatus", this.closeStatus)
			.put("cancelRequested", this.cancelRequested)
			.put("parent", (this.parentLink != null) ? this.parentLink.parent().identity() : null)
			.put("tagList", this.tagList.isEmpty() ? null : this.tagList);
	}

	JsonObject identity() {
		return new JsonObject().put("workflowId", this.workflowId).put("runId", this.runId);
	}

	/**
	 * The parent of a child run and the events in the parent's history that started it.
	 */
	record ParentLink(WorkflowExecution parent, long initiatedEventId, long startedEventId) {
	}

	/**
	 * A task list RespondDecisionTaskCompleted chose for the execution's decision tasks.
	 */
	record TaskListOverride(JsonObject taskList, long scheduleToStartTimeout) {
	}

	String describe() {
		return "WorkflowExecution=[workflowId=" + this.workflowId + ", runId=" + this.runId + "]";
	}

}
