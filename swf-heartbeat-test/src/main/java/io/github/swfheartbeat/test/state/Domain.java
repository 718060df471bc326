package io.github.swfheartbeat.test.state;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

import io.github.swfheartbeat.test.json.JsonObject;

/**
 * A registered domain with its types, executions and task lists.
 */
final class Domain {

	/** The ARN of a domain is this followed by its name. */
	static final String ARN_PREFIX = "arn:aws:swf:us-east-1:000000000000:/domain/";

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

	/** The domain's resource tags by key, in the order they were first given. */
	final Map<String, String> tags = new LinkedHashMap<>();

	/** Whether DeprecateDomain took the domain out of use for new executions and types. */
	boolean deprecated;

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
		return ARN_PREFIX + this.name;
	}

	/**
	 * Returns the DomainInfo that DescribeDomain and ListDomains answer with.
	 */
	JsonObject info() {
		return new JsonObject().put("name", this.name)
			.put("status", this.deprecated ? "DEPRECATED" : "REGISTERED")
			.put("description", this.description)
			.put("arn", arn());
	}

	/**
	 * A registered activity or workflow type: its identity, the defaults it was registered with and
	 * whether it is deprecated.
	 */
	static final class RegisteredType {

		private final String kind;

		private final String name;

		private final String version;

		private final String description;

		private final BigDecimal creationDate;

		private final JsonObject configuration;

		/** When DeprecateActivityType, DeprecateWorkflowType or DeprecateDomain deprecated it. */
		BigDecimal deprecationDate;

		RegisteredType(String kind, String name, String version, String description, BigDecimal creationDate,
				JsonObject configuration) {
			this.kind = kind;
			this.name = name;
			this.version = version;
			this.description = description;
			this.creationDate = creationDate;
			this.configuration = configuration;
		}

		String kind() {
			return this.kind;
		}

		String name() {
			return this.name;
		}

		String version() {
			return this.version;
		}

		String description() {
			return this.description;
		}

		BigDecimal creationDate() {
			return this.creationDate;
		}

		JsonObject configuration() {
			return this.configuration;
		}

		boolean isDeprecated() {
			return this.deprecationDate != null;
		}

		JsonObject identity() {
			return new JsonObject().put("name", this.name).put("version", this.version);
		}

		String describe() {
			return this.kind + "=[name=" + this.name + ", version=" + this.version + "]";
		}

		/**
		 * Returns the ActivityTypeInfo or WorkflowTypeInfo that Describe…Type and List…Types answer
		 * with; {@code member} names the identity ({@code activityType} or {@code workflowType}).
		 */
		JsonObject info(String member) {
			return new JsonObject().put(member, identity())
				.put("status", isDeprecated() ? "DEPRECATED" : "REGISTERED")
				.put("description", this.description)
				.put("creationDate", this.creationDate)
				.put("deprecationDate", this.deprecationDate);
		}

	}

}
