package io.github.swfheartbeat.test.state;

import java.util.List;

import io.github.swfheartbeat.test.json.JsonObject;
import io.github.swfheartbeat.test.state.Domain.RegisteredType;

/**
 * What a new run starts with: the values StartWorkflowExecution, a StartChildWorkflowExecution
 * decision or a ContinueAsNewWorkflowExecution decision gave, else its workflow type's defaults.
 */
record RunSettings(String taskList, long executionStartToCloseTimeout, long taskStartToCloseTimeout,
		String childPolicy, String taskPriority, List<String> tagList, String lambdaRole) {

	private static final List<String> CHILD_POLICIES = List.of("TERMINATE", "REQUEST_CANCEL", "ABANDON");

	/**
	 * Checks the members that set a run's settings against the API's constraints, as SWF does
	 * before it looks at anything else.
	 * @throws SwfFault a validation fault
	 */
	static void validate(JsonObject input) {
		JsonObject taskList = input.object("taskList");
		if (taskList != null) {
			taskList.requiredString("name", 1, 256);
		}
		input.string("input", 0, 32768);
		DurationText.parse("executionStartToCloseTimeout", input.string("executionStartToCloseTimeout", 0, 8));
		DurationText.parse("taskStartToCloseTimeout", input.string("taskStartToCloseTimeout", 0, 8));
		input.string("taskPriority", 0, 11);
		input.string("lambdaRole", 1, 1224);
		String childPolicy = input.string("childPolicy");
		if (childPolicy != null && !CHILD_POLICIES.contains(childPolicy)) {
			throw SwfFault.validation("1 validation error detected: Value '" + childPolicy
					+ "' at 'childPolicy' failed to satisfy constraint: Member must satisfy enum value set: "
					+ CHILD_POLICIES);
		}
		Executions.tags(input);
	}

	/**
	 * Resolves the settings of a run of the given type.
	 * @throws UndefinedDefault if a value is neither given nor a default of the type
	 * @throws SwfFault a validation fault for an execution start-to-close timeout of NONE
	 */
	static RunSettings resolve(JsonObject input, RegisteredType type) {
		JsonObject defaults = type.configuration();
		JsonObject taskListInput = input.object("taskList");
		String taskList = (taskListInput != null) ? taskListInput.string("name")
				: Executions.defaultTaskList(defaults);
		if (taskList == null) {
			throw new UndefinedDefault("DEFAULT_TASK_LIST_UNDEFINED", "No default task list defined");
		}
		long executionStartToClose = duration(input, defaults, "executionStartToCloseTimeout",
				"DEFAULT_EXECUTION_START_TO_CLOSE_TIMEOUT_UNDEFINED", "execution start to close timeout");
		if (executionStartToClose == DurationText.NONE) {
			throw SwfFault.validation("executionStartToCloseTimeout cannot be NONE");
		}
		long taskStartToClose = duration(input, defaults, "taskStartToCloseTimeout",
				"DEFAULT_TASK_START_TO_CLOSE_TIMEOUT_UNDEFINED", "task start to close timeout");
		String childPolicy = orDefault(input.string("childPolicy"), defaults.string("defaultChildPolicy"));
		if (childPolicy == null) {
			throw new UndefinedDefault("DEFAULT_CHILD_POLICY_UNDEFINED", "No default child policy defined");
		}
		return new RunSettings(taskList, executionStartToClose, taskStartToClose, childPolicy,
				orDefault(input.string("taskPriority"), defaults.string("defaultTaskPriority")),
				Executions.tags(input),
				orDefault(input.string("lambdaRole"), defaults.string("defaultLambdaRole")));
	}

	/**
	 * Resolves the settings a decision starts a run of a type with (a child, or the next run of
	 * continue-as-new), or names SWF's cause for failing the decision.
	 * @param type the workflow type, {@code null} if it is not registered
	 * @return the settings, or the cause: the type unknown or deprecated, or a value neither given
	 * nor a default of the type
	 */
	static Decided forDecision(JsonObject attributes, RegisteredType type) {
		if (type == null) {
			return new Decided(null, "WORKFLOW_TYPE_DOES_NOT_EXIST");
		}
		if (type.isDeprecated()) {
			return new Decided(null, "WORKFLOW_TYPE_DEPRECATED");
		}
		try {
			return new Decided(resolve(attributes, type), null);
		}
		catch (UndefinedDefault ex) {
			return new Decided(null, ex.cause);
		}
	}

	private static long duration(JsonObject input, JsonObject defaults, String field, String cause, String what) {
		String defaultField = "default" + Character.toUpperCase(field.charAt(0)) + field.substring(1);
		Long value = DurationText.parse(field, input.string(field));
		if (value == null) {
			value = DurationText.parse(defaultField, defaults.string(defaultField));
		}
		if (value == null) {
			throw new UndefinedDefault(cause, "No default " + what + " defined");
		}
		return value;
	}

	private static String orDefault(String given, String defaultValue) {
		return (given != null) ? given : defaultValue;
	}

	/**
	 * Adds the settings to a WorkflowExecutionStarted, StartChildWorkflowExecutionInitiated or
	 * WorkflowExecutionContinuedAsNew event, which record them alike.
	 */
	JsonObject addTo(JsonObject attributes) {
		return attributes.put("executionStartToCloseTimeout", DurationText.format(this.executionStartToCloseTimeout))
			.put("taskStartToCloseTimeout", DurationText.format(this.taskStartToCloseTimeout))
			.put("childPolicy", this.childPolicy)
			.put("taskList", new JsonObject().put("name", this.taskList))
			.put("taskPriority", this.taskPriority)
			.put("tagList", this.tagList.isEmpty() ? null : this.tagList)
			.put("lambdaRole", this.lambdaRole);
	}

	/**
	 * A value neither given nor registered as the type's default, with the cause SWF records for
	 * it when a decision asked for the run.
	 */
	/**
	 * A decision's run settings, or the cause SWF fails the decision with.
	 */
	record Decided(RunSettings settings, String cause) {
	}

	static final class UndefinedDefault extends RuntimeException {

		final String cause;

		UndefinedDefault(String cause, String message) {
			super(message, null, false, false);
			this.cause = cause;
		}

	}

}
