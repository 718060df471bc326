package io.github.swfheartbeat.test.state;

import io.github.swfheartbeat.test.json.JsonObject;
import io.github.swfheartbeat.test.state.Domain.RegisteredType;

/**
 * The ContinueAsNewWorkflowExecution decision: closes the run with WorkflowExecutionContinuedAsNew
 * and starts a new run of the same workflow id, whose WorkflowExecutionStarted names the run it
 * continues. A child continues as a child: the new run keeps its parent.
 */
final class ContinueAsNew {

	private final SwfModel model;

	ContinueAsNew(SwfModel model) {
		this.model = model;
	}

	static void validate(JsonObject attributes) {
		if (attributes == null) {
			return;
		}
		RunSettings.validate(attributes);
		attributes.string("workflowTypeVersion", 1, 64);
		if ("NONE".equals(attributes.string("executionStartToCloseTimeout"))) {
			throw SwfFault.validation("executionStartToCloseTimeout cannot be NONE");
		}
	}

	void apply(WorkflowExecution execution, JsonObject decisionAttributes, long decisionTaskCompletedEventId) {
		JsonObject attributes = (decisionAttributes != null) ? decisionAttributes : new JsonObject();
		String version = (attributes.string("workflowTypeVersion") != null) ? attributes.string("workflowTypeVersion")
				: execution.type.version();
		RegisteredType type = execution.domain.workflowTypes.get(Domain.typeKey(execution.type.name(), version));
		RunSettings.Decided decided = RunSettings.forDecision(attributes, type);
		RunSettings settings = decided.settings();
		if (settings == null) {
			execution.append("ContinueAsNewWorkflowExecutionFailed", new JsonObject().put("cause", decided.cause())
				.put("decisionTaskCompletedEventId", decisionTaskCompletedEventId), this.model.context.timestamp());
			this.model.decisions.schedule(execution);
			return;
		}
		String runId = TaskTokens.newRunId();
		String input = attributes.string("input");
		this.model.executions.close(execution, "CONTINUED_AS_NEW", "WorkflowExecutionContinuedAsNew",
				settings.addTo(new JsonObject().put("input", input)
					.put("decisionTaskCompletedEventId", decisionTaskCompletedEventId)
					.put("newExecutionRunId", runId)
					.put("workflowType", type.identity())));
		JsonObject started = new JsonObject().put("continuedExecutionRunId", execution.runId);
		this.model.childWorkflows.addParent(execution, started);
		WorkflowExecution next = this.model.executions.open(execution.domain, execution.workflowId, runId, type,
				settings, input, started);
		this.model.childWorkflows.continued(execution, next);
	}

}
