package io.github.swfheartbeat.test.state;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import io.github.swfheartbeat.test.json.JsonObject;
import io.github.swfheartbeat.test.state.Domain.RegisteredType;

/**
 * Workflow executions: StartWorkflowExecution, SignalWorkflowExecution, TerminateWorkflowExecution,
 * RequestCancelWorkflowExecution, DescribeWorkflowExecution and GetWorkflowExecutionHistory.
 */
final class Executions {

	private final SwfModel model;

	private final ModelContext context;

	Executions(SwfModel model) {
		this.model = model;
		this.context = model.context;
	}

	JsonObject start(JsonObject input) {
		String domainName = input.requiredString("domain", 1, 256);
		String workflowId = input.requiredString("workflowId", 1, 256);
		JsonObject typeIdentity = input.requiredObject("workflowType");
		String typeName = typeIdentity.requiredString("name", 1, 256);
		String typeVersion = typeIdentity.requiredString("version", 1, 64);
		RunSettings.validate(input);
		String workflowInput = input.string("input");
		return this.context.locked(() -> {
			Domain domain = this.context.domain(domainName);
			RegisteredType type = Registrations.workflowType(domain, typeName, typeVersion);
			if (type.isDeprecated()) {
				throw SwfFault.typeDeprecated(type.describe());
			}
			RunSettings settings;
			try {
				settings = RunSettings.resolve(input, type);
			}
			catch (RunSettings.UndefinedDefault ex) {
				throw SwfFault.defaultUndefined(ex.getMessage());
			}
			if (domain.openExecutions.containsKey(workflowId)) {
				throw SwfFault.workflowExecutionAlreadyStarted(workflowId);
			}
			WorkflowExecution execution = open(domain, workflowId, TaskTokens.newRunId(), type, settings, workflowInput,
					new JsonObject());
			return new JsonObject().put("runId", execution.runId);
		});
	}

	/**
	 * Starts a run: records WorkflowExecutionStarted, with what the starter adds (a parent, the run
	 * it continues), arms its start-to-close timeout and schedules its first decision task.
	 */
	WorkflowExecution open(Domain domain, String workflowId, String runId, RegisteredType type, RunSettings settings,
			String input, JsonObject startedAttributes) {
		WorkflowExecution execution = new WorkflowExecution(domain, workflowId, runId, type,
				new JsonObject().put("name", settings.taskList()), settings.taskStartToCloseTimeout(),
				settings.executionStartToCloseTimeout(), settings.childPolicy(), settings.taskPriority(),
				settings.tagList(), this.context.timestamp());
		execution.lambdaRole = settings.lambdaRole();
		domain.openExecutions.put(workflowId, execution);
		domain.executions.put(Domain.executionKey(workflowId, execution.runId), execution);
		execution.append("WorkflowExecutionStarted",
				settings.addTo(startedAttributes.put("input", input).put("workflowType", type.identity())),
				execution.startTimestamp);
		execution.startedAtNanos = this.context.nanoTime();
		execution.executionTimer = this.context.scheduleTimeout(() -> timeOut(execution),
				settings.executionStartToCloseTimeout() * 1_000_000_000L);
		this.model.decisions.schedule(execution);
		return execution;
	}

	JsonObject signal(JsonObject input) {
		String domainName = input.requiredString("domain", 1, 256);
		String workflowId = input.requiredString("workflowId", 1, 256);
		String runId = input.string("runId", 0, 64);
		String signalName = input.requiredString("signalName", 1, 256);
		String signalInput = input.string("input", 0, 32768);
		return this.context.locked(() -> {
			WorkflowExecution execution = openExecution(domainName, workflowId, runId);
			execution.append("WorkflowExecutionSignaled",
					new JsonObject().put("signalName", signalName).put("input", signalInput), this.context.timestamp());
			this.model.decisions.schedule(execution);
			return new JsonObject();
		});
	}

	JsonObject requestCancel(JsonObject input) {
		String domainName = input.requiredString("domain", 1, 256);
		String workflowId = input.requiredString("workflowId", 1, 256);
		String runId = input.string("runId", 0, 64);
		return this.context.locked(() -> {
			WorkflowExecution execution = openExecution(domainName, workflowId, runId);
			execution.cancelRequested = true;
			execution.append("WorkflowExecutionCancelRequested", new JsonObject(), this.context.timestamp());
			this.model.decisions.schedule(execution);
			return new JsonObject();
		});
	}

	JsonObject terminate(JsonObject input) {
		String domainName = input.requiredString("domain", 1, 256);
		String workflowId = input.requiredString("workflowId", 1, 256);
		String runId = input.string("runId", 0, 64);
		String reason = input.string("reason", 0, 256);
		String details = input.string("details", 0, 32768);
		String childPolicy = input.string("childPolicy");
		return this.context.locked(() -> {
			WorkflowExecution execution = openExecution(domainName, workflowId, runId);
			close(execution, "TERMINATED", "WorkflowExecutionTerminated", new JsonObject().put("reason", reason)
				.put("details", details)
				.put("childPolicy", (childPolicy != null) ? childPolicy : execution.childPolicy));
			return new JsonObject();
		});
	}

	JsonObject describe(JsonObject input) {
		String domainName = input.requiredString("domain", 1, 256);
		JsonObject identity = input.requiredObject("execution");
		String workflowId = identity.requiredString("workflowId", 1, 256);
		String runId = identity.requiredString("runId", 1, 64);
		return this.context.locked(() -> {
			WorkflowExecution execution = execution(domainName, workflowId, runId);
			timeOutIfDue(execution);
			this.model.activities.timeOutDue(execution);
			this.model.timers.fireDue(execution);
			JsonObject info = execution.info();
			JsonObject configuration = new JsonObject()
				.put("taskStartToCloseTimeout", DurationText.format(execution.taskStartToCloseTimeout))
				.put("executionStartToCloseTimeout", DurationText.format(execution.executionStartToCloseTimeout))
				.put("taskList", execution.taskList)
				.put("taskPriority", execution.taskPriority)
				.put("childPolicy", execution.childPolicy);
			JsonObject openCounts = new JsonObject().put("openActivityTasks", execution.openActivities.size())
				.put("openDecisionTasks", (execution.decisionTask != null) ? 1 : 0)
				.put("openTimers", execution.openTimers.size())
				.put("openChildWorkflowExecutions", execution.openChildren.size())
				.put("openLambdaFunctions", 0);
			return new JsonObject().put("executionInfo", info)
				.put("executionConfiguration", configuration)
				.put("openCounts", openCounts)
				.put("latestActivityTaskTimestamp", execution.latestActivityTaskTimestamp)
				.put("latestExecutionContext", execution.latestExecutionContext);
		});
	}

	JsonObject history(JsonObject input) {
		String domainName = input.requiredString("domain", 1, 256);
		JsonObject identity = input.requiredObject("execution");
		String workflowId = identity.requiredString("workflowId", 1, 256);
		String runId = identity.requiredString("runId", 1, 64);
		String pageToken = input.string("nextPageToken", 0, 2048);
		int pageSize = HistoryPages.pageSize(input);
		boolean reverseOrder = input.bool("reverseOrder", false);
		return this.context.locked(() -> {
			WorkflowExecution execution = execution(domainName, workflowId, runId);
			timeOutIfDue(execution);
			this.model.activities.timeOutDue(execution);
			this.model.timers.fireDue(execution);
			HistoryPages.Cursor cursor = (pageToken != null) ? HistoryPages.Cursor.decode(pageToken) : null;
			return HistoryPages.page(execution, cursor, pageSize, reverseOrder, new JsonObject());
		});
	}

	/**
	 * Finds an execution, open or closed.
	 */
	WorkflowExecution execution(String domainName, String workflowId, String runId) {
		Domain domain = this.context.domain(domainName);
		WorkflowExecution execution = domain.executions.get(Domain.executionKey(workflowId, runId));
		if (execution == null) {
			throw SwfFault.unknownResource(
					"Unknown execution: WorkflowExecution=[workflowId=" + workflowId + ", runId=" + runId + "]");
		}
		return execution;
	}

	/**
	 * Finds an open execution; without a run id, the open one of that workflow id.
	 */
	WorkflowExecution openExecution(String domainName, String workflowId, String runId) {
		Domain domain = this.context.domain(domainName);
		WorkflowExecution execution = domain.openExecutions.get(workflowId);
		if (execution != null) {
			timeOutIfDue(execution);
			execution = domain.openExecutions.get(workflowId);
		}
		if (execution == null || (runId != null && !runId.isEmpty() && !runId.equals(execution.runId))) {
			throw SwfFault.unknownResource("Unknown execution: WorkflowExecution=[workflowId=" + workflowId
					+ ", runId=" + ((runId != null) ? runId : "") + "]");
		}
		return execution;
	}

	/**
	 * Closes an execution with its closing event. Its open tasks die with it: SWF answers their
	 * tokens with UnknownResourceFault from now on.
	 */
	void close(WorkflowExecution execution, String closeStatus, String eventType, JsonObject attributes) {
		close(execution, closeStatus, eventType, attributes, this.context.timestamp());
	}

	private void close(WorkflowExecution execution, String closeStatus, String eventType, JsonObject attributes,
			BigDecimal timestamp) {
		execution.append(eventType, attributes, timestamp);
		execution.closeStatus = closeStatus;
		execution.closeTimestamp = timestamp;
		execution.domain.openExecutions.remove(execution.workflowId);
		if (execution.executionTimer != null) {
			execution.executionTimer.cancel(false);
		}
		for (ActivityTask task : new ArrayList<>(execution.openActivities.values())) {
			this.model.activities.close(task, ActivityTask.Status.WORKFLOW_CLOSED);
		}
		this.model.decisions.discard(execution);
		this.model.timers.discard(execution);
		this.model.childWorkflows.closed(execution, eventType, attributes);
	}

	private void timeOut(WorkflowExecution execution) {
		if (execution.isOpen()) {
			long deadline = execution.startedAtNanos + execution.executionStartToCloseTimeout * 1_000_000_000L;
			// Stamped when the deadline passed, not when it was noticed; never before an earlier event.
			close(execution, "TIMED_OUT", "WorkflowExecutionTimedOut",
					new JsonObject().put("timeoutType", "START_TO_CLOSE").put("childPolicy", execution.childPolicy),
					execution.notBefore(this.context.timestampAt(deadline)));
		}
	}

	/**
	 * Times out an open execution whose start-to-close timeout has passed, whether or not its timer
	 * has fired, so that a call about it is judged at this moment.
	 */
	void timeOutIfDue(WorkflowExecution execution) {
		long deadline = execution.startedAtNanos + execution.executionStartToCloseTimeout * 1_000_000_000L;
		if (execution.isOpen() && this.context.nanoTime() - deadline >= 0) {
			timeOut(execution);
		}
	}

	static String defaultTaskList(JsonObject defaults) {
		JsonObject taskList = defaults.object("defaultTaskList");
		return (taskList != null) ? taskList.string("name") : null;
	}

	static List<String> tags(JsonObject input) {
		Object value = input.get("tagList");
		if (value == null) {
			return List.of();
		}
		if (!(value instanceof List<?> list) || list.size() > 5) {
			throw SwfFault.validation("tagList must be a list of at most 5 tags");
		}
		List<String> tags = new ArrayList<>();
		for (Object tag : list) {
			if (!(tag instanceof String text) || text.length() > 256) {
				throw SwfFault.validation("A tag must be a string of at most 256 characters");
			}
			tags.add(text);
		}
		return tags;
	}

}
