package io.github.swfheartbeat.test.state;

import io.github.swfheartbeat.test.json.JsonObject;

/**
 * The ScheduleLambdaFunction decision, answered as SWF answers it where it has no Lambda to call:
 * ScheduleLambdaFunctionFailed with cause {@code LAMBDA_SERVICE_NOT_AVAILABLE_IN_REGION}, one of
 * the causes SWF's API reference lists for that event, and a decision task for the decider to see
 * it. The embedded endpoint runs no Lambda functions, whatever {@code lambdaRole} the execution has.
 */
final class LambdaFunctions {

	private final SwfModel model;

	LambdaFunctions(SwfModel model) {
		this.model = model;
	}

	static void validateSchedule(JsonObject attributes) {
		attributes.requiredString("id", 1, 256);
		attributes.requiredString("name", 1, 64);
		attributes.string("control", 0, 32768);
		attributes.string("input", 0, 32768);
		DurationText.parse("startToCloseTimeout", attributes.string("startToCloseTimeout", 0, 8));
	}

	void schedule(WorkflowExecution execution, JsonObject attributes, long decisionTaskCompletedEventId) {
		execution.append("ScheduleLambdaFunctionFailed", new JsonObject().put("id", attributes.string("id"))
			.put("name", attributes.string("name"))
			.put("cause", "LAMBDA_SERVICE_NOT_AVAILABLE_IN_REGION")
			.put("decisionTaskCompletedEventId", decisionTaskCompletedEventId), this.model.context.timestamp());
		this.model.decisions.schedule(execution);
	}

}
