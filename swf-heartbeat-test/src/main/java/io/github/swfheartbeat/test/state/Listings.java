package io.github.swfheartbeat.test.state;

import java.util.Collection;
import java.util.List;

import io.github.swfheartbeat.test.json.JsonObject;
import io.github.swfheartbeat.test.state.Domain.RegisteredType;

/**
 * ListDomains, ListActivityTypes and ListWorkflowTypes: what is registered or deprecated, in
 * ascending alphabetical order of name (types of one name by version), or descending with
 * {@code reverseOrder}.
 */
final class Listings {

	private static final List<String> REGISTRATION_STATUSES = List.of("REGISTERED", "DEPRECATED");

	private final ModelContext context;

	Listings(ModelContext context) {
		this.context = context;
	}

	JsonObject listDomains(JsonObject input) {
		boolean deprecated = isDeprecatedWanted(input);
		boolean reverseOrder = input.bool("reverseOrder", false);
		return this.context.locked(() -> {
			List<Domain> domains = this.context.domains.values()
				.stream()
				.filter((domain) -> domain.deprecated == deprecated)
				.toList();
			return ListPages.page(this.context, "ListDomains", domains, (domain) -> domain.name, reverseOrder, input,
					"domainInfos", Domain::info);
		});
	}

	JsonObject listActivityTypes(JsonObject input) {
		return listTypes(input, "activityType", true);
	}

	JsonObject listWorkflowTypes(JsonObject input) {
		return listTypes(input, "workflowType", false);
	}

	private JsonObject listTypes(JsonObject input, String member, boolean activity) {
		String domainName = input.requiredString("domain", 1, 256);
		String name = input.string("name", 1, 256);
		boolean deprecated = isDeprecatedWanted(input);
		boolean reverseOrder = input.bool("reverseOrder", false);
		return this.context.locked(() -> {
			Domain domain = this.context.domain(domainName);
			Collection<RegisteredType> all = (activity ? domain.activityTypes : domain.workflowTypes).values();
			List<RegisteredType> types = all.stream()
				.filter((type) -> type.isDeprecated() == deprecated)
				.filter((type) -> name == null || name.equals(type.name()))
				.toList();
			String listing = (activity ? "ListActivityTypes\n" : "ListWorkflowTypes\n") + domainName;
			return ListPages.page(this.context, listing, types, (type) -> Domain.typeKey(type.name(), type.version()),
					reverseOrder, input, "typeInfos", (type) -> type.info(member));
		});
	}

	private static boolean isDeprecatedWanted(JsonObject input) {
		return "DEPRECATED".equals(input.requiredEnum("registrationStatus", REGISTRATION_STATUSES));
	}

}
