package io.github.swfheartbeat.test.state;

import io.github.swfheartbeat.test.json.JsonObject;

/**
 * Requests one execution's decider makes of another: the SignalExternalWorkflowExecution and
 * RequestCancelExternalWorkflowExecution decisions. The requesting execution records the request
 * (…Initiated) and its outcome; the target records the signal or the cancellation request and gets
 * a decision task. The target is the open run of the workflow id, and must be the given run if a
 * run id is given.
 */
final class ExternalRequests {

	private final SwfModel model;

	private final ModelContext context;

	ExternalRequests(SwfModel model) {
		this.model = model;
		this.context = model.context;
	}

	static void validateSignal(JsonObject attributes) {
		validateTarget(attributes);
		attributes.requiredString("signalName", 1, 256);
		attributes.string("input", 0, 32768);
	}

	static void validateTarget(JsonObject attributes) {
		attributes.requiredString("workflowId", 1, 256);
		attributes.string("runId", 0, 64);
		attributes.string("control", 0, 32768);
	}

	/**
	 * Carries out a SignalExternalWorkflowExecution decision.
	 */
	void signal(WorkflowExecution source, JsonObject attributes, long decisionTaskCompletedEventId) {
		long initiatedEventId = source.append("SignalExternalWorkflowExecutionInitiated",
				target(attributes).put("signalName", attributes.string("signalName"))
					.put("input", attributes.string("input"))
					.put("decisionTaskCompletedEventId", decisionTaskCompletedEventId)
					.put("control", attributes.string("control")),
				this.context.timestamp());
		WorkflowExecution target = openTarget(source.domain, attributes);
		if (target == null) {
			fail(source, "SignalExternalWorkflowExecutionFailed", attributes, initiatedEventId,
					decisionTaskCompletedEventId);
			return;
		}
		deliver(source, initiatedEventId, target, "WorkflowExecutionSignaled",
				new JsonObject().put("signalName", attributes.string("signalName"))
					.put("input", attributes.string("input")),
				"ExternalWorkflowExecutionSignaled");
	}

	/**
	 * Carries out a RequestCancelExternalWorkflowExecution decision.
	 */
	void requestCancel(WorkflowExecution source, JsonObject attributes, long decisionTaskCompletedEventId) {
		long initiatedEventId = source.append("RequestCancelExternalWorkflowExecutionInitiated",
				target(attributes).put("decisionTaskCompletedEventId", decisionTaskCompletedEventId)
					.put("control", attributes.string("control")),
				this.context.timestamp());
		WorkflowExecution target = openTarget(source.domain, attributes);
		if (target == null) {
			fail(source, "RequestCancelExternalWorkflowExecutionFailed", attributes, initiatedEventId,
					decisionTaskCompletedEventId);
			return;
		}
		target.cancelRequested = true;
		deliver(source, initiatedEventId, target, "WorkflowExecutionCancelRequested", new JsonObject(),
				"ExternalWorkflowExecutionCancelRequested");
	}

	/**
	 * Records a request in its target, which gets a decision task, and its delivery in the source,
	 * which gets one too.
	 */
	private void deliver(WorkflowExecution source, long initiatedEventId, WorkflowExecution target,
			String targetEventType, JsonObject targetAttributes, String sourceEventType) {
		target.append(targetEventType, targetAttributes.put("externalWorkflowExecution", source.identity())
			.put("externalInitiatedEventId", initiatedEventId), this.context.timestamp());
		this.model.decisions.schedule(target);
		source.append(sourceEventType,
				new JsonObject().put("workflowExecution", target.identity()).put("initiatedEventId", initiatedEventId),
				this.context.timestamp());
		this.model.decisions.schedule(source);
	}

	private WorkflowExecution openTarget(Domain domain, JsonObject attributes) {
		String workflowId = attributes.string("workflowId");
		String runId = attributes.string("runId");
		WorkflowExecution target = domain.openExecutions.get(workflowId);
		if (target != null) {
			// A target whose own deadline passed unnoticed is closed by now.
			this.model.executions.timeOutIfDue(target);
		}
		if (target == null || !target.isOpen() || (runId != null && !runId.isEmpty() && !runId.equals(target.runId))) {
			return null;
		}
		return target;
	}

	private void fail(WorkflowExecution source, String eventType, JsonObject attributes, long initiatedEventId,
			long decisionTaskCompletedEventId) {
		source.append(eventType, target(attributes).put("cause", "UNKNOWN_EXTERNAL_WORKFLOW_EXECUTION")
			.put("initiatedEventId", initiatedEventId)
			.put("decisionTaskCompletedEventId", decisionTaskCompletedEventId)
			.put("control", attributes.string("control")), this.context.timestamp());
		this.model.decisions.schedule(source);
	}

	private static JsonObject target(JsonObject attributes) {
		return new JsonObject().put("workflowId", attributes.string("workflowId"))
			.put("runId", attributes.string("runId"));
	}

}
