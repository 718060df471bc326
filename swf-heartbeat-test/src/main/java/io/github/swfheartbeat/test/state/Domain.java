package io.github.swfheartbeat.test.state;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.Map;

import io.github.swfheartbeat.test.json.JsonObject;

/**
 * A registered domain with its types, executions and task lists.
 */
final class Domain {

	final String name;

	final String description;

	final String retentionPeriodInDays;

	final Map<String, RegisteredType> activityTypes = new HashMap<>();

	final Map<String, RegisteredType> workflowTypes = new HashMap<>();

	/** Open executions by workflow id: SWF allows one open execution per workflow id. */
	final Map<String, WorkflowExecution> openExecutions = new HashMap<>();

	/** Every execution, open or closed, by workflow id and run id. */
	final Map<String, WorkflowExecution> executions = new HashMap<>();

	final Map<String, TaskQueue<ActivityTask>> activityTaskLists = new HashMap<>();

	final Map<String, TaskQueue<DecisionTask>> decisionTaskLists = new HashMap<>();

	Domain(String name, String description, String retentionPeriodInDays) {
		this.name = name;
		this.description = description;
		this.retentionPeriodInDays = retentionPeriodInDays;
	}

	static String typeKey(String name, String version) {
		return name + '\u0000' + version;
	}

	static String executionKey(String workflowId, String runId) {
		return workflowId + '\u0000' + runId;
	}

	TaskQueue<ActivityTask> activityTaskList(String name) {
		return this.activityTaskLists.computeIfAbsent(name, (key) -> new TaskQueue<>());
	}

	TaskQueue<DecisionTask> decisionTaskList(String name) {
		return this.decisionTaskLists.computeIfAbsent(name, (key) -> new TaskQueue<>());
	}

	String arn() {
		return "arn:aws:swf:us-east-1:000000000000:/domain/" + this.name;
	}

	/**
	 * A registered activity or workflow type: its identity and the defaults it was registered with.
	 */
	record RegisteredType(String kind, String name, String version, String description, BigDecimal creationDate,
			JsonObject configuration) {

		JsonObject identity() {
			return new JsonObject().put("name", this.name).put("version", this.version);
		}

		String describe() {
			return this.kind + "=[name=" + this.name + ", version=" + this.version + "]";
		}

	}

}
