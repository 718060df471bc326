package io.github.swfheartbeat.worker;

import java.time.Duration;
import java.util.function.Function;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.convert.DurationStyle;
import org.springframework.util.StringUtils;

/**
 * Resolves the attributes of an {@link SwfActivity @SwfActivity} method: placeholders, then
 * defaults. A value that cannot work fails here, at start-up, with a message naming the method
 * and the attribute.
 */
public final class SwfActivityEndpointFactory {

	private final Function<String, @Nullable String> placeholders;

	private final EndpointDefaults defaults;

	/**
	 * Creates a factory.
	 * @param placeholders resolves {@code ${...}} placeholders
	 * @param defaults values for empty attributes
	 */
	public SwfActivityEndpointFactory(Function<String, @Nullable String> placeholders, EndpointDefaults defaults) {
		this.placeholders = placeholders;
		this.defaults = defaults;
	}

	/**
	 * Resolves a method's attributes.
	 * @param found the method
	 * @return the endpoint
	 * @throws IllegalStateException if an attribute is missing or invalid
	 */
	public SwfActivityEndpoint create(SwfActivityMethod found) {
		SwfActivity annotation = found.annotation();
		String where = "@SwfActivity method " + found.method().getDeclaringClass().getSimpleName() + "."
				+ found.method().getName();
		String name = required(orDefault(resolve(annotation.name()), found.method().getName()), where, "name", "");
		String version = required(orDefault(resolve(annotation.version()), this.defaults.version()), where, "version",
				"swf.worker.activity-version");
		String domain = required(orDefault(resolve(annotation.domain()), this.defaults.domain()), where, "domain",
				"swf.worker.domain or swf.heartbeat.domain");
		String taskList = required(orDefault(resolve(annotation.taskList()), this.defaults.taskList()), where,
				"taskList", "swf.worker.task-list");
		return new SwfActivityEndpoint(found.bean(), found.method(), name, version, domain, taskList,
				duration(annotation.heartbeatTimeout(), where, "heartbeatTimeout"),
				duration(annotation.maxCancellationLatency(), where, "maxCancellationLatency"),
				duration(annotation.startToCloseTimeout(), where, "startToCloseTimeout"),
				duration(annotation.scheduleToStartTimeout(), where, "scheduleToStartTimeout"),
				duration(annotation.scheduleToCloseTimeout(), where, "scheduleToCloseTimeout"),
				duration(annotation.progressTimeout(), where, "progressTimeout"), annotation.interruptOnStall());
	}

	private @Nullable String resolve(String value) {
		if (!StringUtils.hasText(value)) {
			return null;
		}
		String resolved = this.placeholders.apply(value);
		return StringUtils.hasText(resolved) ? resolved.trim() : null;
	}

	private static @Nullable String orDefault(@Nullable String value, @Nullable String fallback) {
		return (value != null) ? value : fallback;
	}

	private static String required(@Nullable String value, String where, String attribute, String property) {
		if (value == null || value.isBlank()) {
			throw new IllegalStateException(where + " names no " + attribute + ": set the annotation's " + attribute
					+ " attribute or " + property);
		}
		return value;
	}

	private @Nullable Duration duration(String value, String where, String attribute) {
		String resolved = resolve(value);
		if (resolved == null) {
			return null;
		}
		Duration duration;
		try {
			duration = DurationStyle.detectAndParse(resolved);
		}
		catch (IllegalArgumentException ex) {
			throw new IllegalStateException(where + " has an invalid " + attribute + " '" + resolved
					+ "': write a duration such as 30s or PT30S", ex);
		}
		if (duration.isNegative() || duration.isZero()) {
			throw new IllegalStateException(where + " has " + attribute + " " + resolved + ": it must be positive");
		}
		return duration;
	}

}
