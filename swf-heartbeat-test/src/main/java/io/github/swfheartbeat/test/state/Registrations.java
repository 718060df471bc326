package io.github.swfheartbeat.test.state;

import java.util.Map;

import io.github.swfheartbeat.test.json.JsonObject;
import io.github.swfheartbeat.test.state.Domain.RegisteredType;

/**
 * Domains, activity types and workflow types: RegisterDomain, DescribeDomain, Register… and
 * Describe…Type.
 */
final class Registrations {

	private static final String[] ACTIVITY_DURATION_DEFAULTS = { "defaultTaskStartToCloseTimeout",
			"defaultTaskHeartbeatTimeout", "defaultTaskScheduleToStartTimeout", "defaultTaskScheduleToCloseTimeout" };

	private static final String[] WORKFLOW_DURATION_DEFAULTS = { "defaultTaskStartToCloseTimeout",
			"defaultExecutionStartToCloseTimeout" };

	private final ModelContext context;

	Registrations(ModelContext context) {
		this.context = context;
	}

	JsonObject registerDomain(JsonObject input) {
		String name = input.requiredString("name", 1, 256);
		String retention = input.requiredString("workflowExecutionRetentionPeriodInDays", 1, 8);
		String description = input.string("description", 0, 1024);
		Map<String, String> tags = Tags.parse(input);
		return this.context.locked(() -> {
			if (this.context.domains.containsKey(name)) {
				throw SwfFault.domainAlreadyExists(name);
			}
			Domain domain = new Domain(name, description, retention);
			domain.tags.putAll(tags);
			this.context.domains.put(name, domain);
			return new JsonObject();
		});
	}

	JsonObject describeDomain(JsonObject input) {
		String name = input.requiredString("name", 1, 256);
		return this.context.locked(() -> {
			Domain domain = this.context.domain(name);
			return new JsonObject().put("domainInfo", domain.info())
				.put("configuration",
						new JsonObject().put("workflowExecutionRetentionPeriodInDays", domain.retentionPeriodInDays));
		});
	}

	JsonObject registerActivityType(JsonObject input) {
		return registerType(input, "ActivityType", ACTIVITY_DURATION_DEFAULTS);
	}

	JsonObject registerWorkflowType(JsonObject input) {
		return registerType(input, "WorkflowType", WORKFLOW_DURATION_DEFAULTS);
	}

	JsonObject describeActivityType(JsonObject input) {
		return describeType(input, "activityType", true);
	}

	JsonObject describeWorkflowType(JsonObject input) {
		return describeType(input, "workflowType", false);
	}

	private JsonObject registerType(JsonObject input, String kind, String[] durationDefaults) {
		String domainName = input.requiredString("domain", 1, 256);
		String name = input.requiredString("name", 1, 256);
		String version = input.requiredString("version", 1, 64);
		String description = input.string("description", 0, 1024);
		JsonObject configuration = new JsonObject();
		for (String field : durationDefaults) {
			String value = input.string(field, 0, 8);
			DurationText.parse(field, value);
			configuration.put(field, value);
		}
		JsonObject defaultTaskList = input.object("defaultTaskList");
		if (defaultTaskList != null) {
			configuration.put("defaultTaskList",
					new JsonObject().put("name", defaultTaskList.requiredString("name", 1, 256)));
		}
		configuration.put("defaultTaskPriority", input.string("defaultTaskPriority", 0, 11));
		configuration.put("defaultChildPolicy", input.string("defaultChildPolicy"));
		configuration.put("defaultLambdaRole", input.string("defaultLambdaRole", 1, 1224));
		return this.context.locked(() -> {
			Domain domain = this.context.domain(domainName);
			if (domain.deprecated) {
				// SWF's DeprecateDomain: a deprecated domain "cannot be used to ... register new types".
				throw SwfFault.domainDeprecated(domainName);
			}
			var types = "ActivityType".equals(kind) ? domain.activityTypes : domain.workflowTypes;
			String key = Domain.typeKey(name, version);
			RegisteredType existing = types.get(key);
			if (existing != null) {
				throw SwfFault.typeAlreadyExists(existing.describe());
			}
			types.put(key, new RegisteredType(kind, name, version, description, this.context.timestamp(),
					configuration));
			return new JsonObject();
		});
	}

	private JsonObject describeType(JsonObject input, String member, boolean activity) {
		String domainName = input.requiredString("domain", 1, 256);
		JsonObject identity = input.requiredObject(member);
		String name = identity.requiredString("name", 1, 256);
		String version = identity.requiredString("version", 1, 64);
		return this.context.locked(() -> {
			RegisteredType type = activity ? activityType(this.context.domain(domainName), name, version)
					: workflowType(this.context.domain(domainName), name, version);
			return new JsonObject().put("typeInfo", type.info(member)).put("configuration", type.configuration());
		});
	}

	static RegisteredType activityType(Domain domain, String name, String version) {
		RegisteredType type = domain.activityTypes.get(Domain.typeKey(name, version));
		if (type == null) {
			throw SwfFault.unknownResource("Unknown type: ActivityType=[name=" + name + ", version=" + version + "]");
		}
		return type;
	}

	static RegisteredType workflowType(Domain domain, String name, String version) {
		RegisteredType type = domain.workflowTypes.get(Domain.typeKey(name, version));
		if (type == null) {
			throw SwfFault.unknownResource("Unknown type: WorkflowType=[name=" + name + ", version=" + version + "]");
		}
		return type;
	}

}
