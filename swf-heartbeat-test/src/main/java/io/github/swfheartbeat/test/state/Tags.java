package io.github.swfheartbeat.test.state;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import io.github.swfheartbeat.test.json.JsonFieldException;
import io.github.swfheartbeat.test.json.JsonObject;

/**
 * Resource tags of domains, the only resources SWF tags: TagResource, UntagResource,
 * ListTagsForResource and the tags given at RegisterDomain.
 */
final class Tags {

	/** SWF's limit: "Amazon SWF supports a maximum of 50 tags per resource". */
	static final int MAXIMUM_TAGS = 50;

	/** SWF's API reference: "unicode letters, digits, whitespace, or these symbols: _ . : / = + - @". */
	private static final Pattern ALLOWED = Pattern.compile("[\\p{L}\\p{Z}\\p{N}_.:/=+\\-@]*");

	private final ModelContext context;

	Tags(ModelContext context) {
		this.context = context;
	}

	JsonObject tagResource(JsonObject input) {
		String arn = input.requiredString("resourceArn", 1, 1600);
		if (!input.has("tags")) {
			throw new JsonFieldException("tags", null, "Member must not be null");
		}
		Map<String, String> tags = parse(input);
		return this.context.locked(() -> {
			Domain domain = domain(arn);
			Map<String, String> merged = new LinkedHashMap<>(domain.tags);
			merged.putAll(tags);
			checkCount(merged.size());
			domain.tags.putAll(tags);
			return new JsonObject();
		});
	}

	JsonObject untagResource(JsonObject input) {
		String arn = input.requiredString("resourceArn", 1, 1600);
		if (!input.has("tagKeys")) {
			throw new JsonFieldException("tagKeys", null, "Member must not be null");
		}
		List<String> keys = input.strings("tagKeys");
		for (String key : keys) {
			checkText("tagKeys.member", key, 1, 128);
		}
		return this.context.locked(() -> {
			keys.forEach(domain(arn).tags::remove);
			return new JsonObject();
		});
	}

	JsonObject listTagsForResource(JsonObject input) {
		String arn = input.requiredString("resourceArn", 1, 1600);
		return this.context.locked(() -> {
			List<JsonObject> tags = new ArrayList<>();
			domain(arn).tags.forEach((key, value) -> tags.add(new JsonObject().put("key", key).put("value", value)));
			return new JsonObject().put("tags", tags);
		});
	}

	/**
	 * Reads and checks the {@code tags} member, a list of key and value pairs; a key given twice
	 * keeps its last value.
	 */
	static Map<String, String> parse(JsonObject input) {
		Map<String, String> tags = new LinkedHashMap<>();
		for (JsonObject tag : input.objects("tags")) {
			String key = tag.requiredString("key", 1, 128);
			String value = tag.string("value", 0, 256);
			checkText("key", key, 1, 128);
			checkText("value", (value != null) ? value : "", 0, 256);
			tags.put(key, (value != null) ? value : "");
		}
		checkCount(tags.size());
		return tags;
	}

	private static void checkCount(int count) {
		if (count > MAXIMUM_TAGS) {
			throw SwfFault.tooManyTags("A domain can have at most " + MAXIMUM_TAGS + " tags, not " + count);
		}
	}

	private static void checkText(String field, String text, int minLength, int maxLength) {
		if (text.length() < minLength || text.length() > maxLength) {
			throw new JsonFieldException(field, text,
					"Member must have length between " + minLength + " and " + maxLength);
		}
		if (!ALLOWED.matcher(text).matches()) {
			throw new JsonFieldException(field, text,
					"Member must satisfy regular expression pattern: " + ALLOWED.pattern());
		}
	}

	private Domain domain(String arn) {
		Domain domain = arn.startsWith(Domain.ARN_PREFIX)
				? this.context.domains.get(arn.substring(Domain.ARN_PREFIX.length())) : null;
		if (domain == null) {
			throw SwfFault.unknownResource("Unknown resource: " + arn);
		}
		return domain;
	}

}
