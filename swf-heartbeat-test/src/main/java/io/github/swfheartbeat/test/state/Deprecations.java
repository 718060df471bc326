package io.github.swfheartbeat.test.state;

import java.math.BigDecimal;
import java.util.Map;

import io.github.swfheartbeat.test.json.JsonObject;
import io.github.swfheartbeat.test.state.Domain.RegisteredType;

/**
 * Taking domains and types out of use and back: Deprecate… and Undeprecate… for domains, activity
 * types and workflow types, and Delete…Type, which SWF allows only for a deprecated type.
 *
 * <p>What a deprecation refuses is checked where it matters: registering a type in a deprecated
 * domain, starting an execution of a deprecated workflow type, scheduling a deprecated activity
 * type. Tasks and executions already there run on.
 */
final class Deprecations {

	private final ModelContext context;

	Deprecations(ModelContext context) {
		this.context = context;
	}

	JsonObject deprecateDomain(JsonObject input) {
		String name = input.requiredString("name", 1, 256);
		return this.context.locked(() -> {
			Domain domain = this.context.domain(name);
			if (domain.deprecated) {
				throw SwfFault.domainDeprecated(name);
			}
			domain.deprecated = true;
			// SWF: "Deprecating a domain also deprecates all activity and workflow types registered in it".
			var now = this.context.timestamp();
			for (RegisteredType type : domain.activityTypes.values()) {
				deprecateIfRegistered(type, now);
			}
			for (RegisteredType type : domain.workflowTypes.values()) {
				deprecateIfRegistered(type, now);
			}
			return new JsonObject();
		});
	}

	private static void deprecateIfRegistered(RegisteredType type, BigDecimal now) {
		if (!type.isDeprecated()) {
			type.deprecationDate = now;
		}
	}

	JsonObject undeprecateDomain(JsonObject input) {
		String name = input.requiredString("name", 1, 256);
		return this.context.locked(() -> {
			Domain domain = this.context.domain(name);
			if (!domain.deprecated) {
				// What SWF's model lists for UndeprecateDomain of a domain in use.
				throw SwfFault.domainAlreadyExists(name);
			}
			domain.deprecated = false;
			return new JsonObject();
		});
	}

	JsonObject deprecateActivityType(JsonObject input) {
		return deprecate(input, "activityType", true);
	}

	JsonObject deprecateWorkflowType(JsonObject input) {
		return deprecate(input, "workflowType", false);
	}

	JsonObject undeprecateActivityType(JsonObject input) {
		return undeprecate(input, "activityType", true);
	}

	JsonObject undeprecateWorkflowType(JsonObject input) {
		return undeprecate(input, "workflowType", false);
	}

	JsonObject deleteActivityType(JsonObject input) {
		return delete(input, "activityType", true);
	}

	JsonObject deleteWorkflowType(JsonObject input) {
		return delete(input, "workflowType", false);
	}

	private JsonObject deprecate(JsonObject input, String member, boolean activity) {
		TypeReference reference = TypeReference.read(input, member);
		return this.context.locked(() -> {
			RegisteredType type = reference.find(this.context, activity);
			if (type.isDeprecated()) {
				throw SwfFault.typeDeprecated(type.describe());
			}
			type.deprecationDate = this.context.timestamp();
			return new JsonObject();
		});
	}

	private JsonObject undeprecate(JsonObject input, String member, boolean activity) {
		TypeReference reference = TypeReference.read(input, member);
		return this.context.locked(() -> {
			RegisteredType type = reference.find(this.context, activity);
			if (!type.isDeprecated()) {
				// What SWF's model lists for Undeprecate…Type of a type in use.
				throw SwfFault.typeAlreadyExists(type.describe());
			}
			type.deprecationDate = null;
			return new JsonObject();
		});
	}

	private JsonObject delete(JsonObject input, String member, boolean activity) {
		TypeReference reference = TypeReference.read(input, member);
		return this.context.locked(() -> {
			RegisteredType type = reference.find(this.context, activity);
			if (!type.isDeprecated()) {
				throw SwfFault.typeNotDeprecated(type.describe());
			}
			// Tasks and executions of the type keep their reference to it and run on.
			Domain domain = this.context.domain(reference.domain());
			Map<String, RegisteredType> types = activity ? domain.activityTypes : domain.workflowTypes;
			types.remove(Domain.typeKey(type.name(), type.version()));
			return new JsonObject();
		});
	}

	/**
	 * A domain and a type's name and version, as the Deprecate…, Undeprecate… and Delete…Type
	 * requests name them.
	 */
	private record TypeReference(String domain, String name, String version) {

		static TypeReference read(JsonObject input, String member) {
			String domain = input.requiredString("domain", 1, 256);
			JsonObject identity = input.requiredObject(member);
			return new TypeReference(domain, identity.requiredString("name", 1, 256),
					identity.requiredString("version", 1, 64));
		}

		RegisteredType find(ModelContext context, boolean activity) {
			Domain target = context.domain(this.domain);
			return activity ? Registrations.activityType(target, this.name, this.version)
					: Registrations.workflowType(target, this.name, this.version);
		}

	}

}
