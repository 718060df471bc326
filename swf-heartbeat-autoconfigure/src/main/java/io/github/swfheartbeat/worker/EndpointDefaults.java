package io.github.swfheartbeat.worker;

import org.jspecify.annotations.Nullable;

/**
 * Values of {@link SwfActivity @SwfActivity} methods that leave an attribute empty.
 *
 * @param domain the domain, {@code null} when none is configured
 * @param taskList the task list, {@code null} when none is configured
 * @param version the activity type version
 */
public record EndpointDefaults(@Nullable String domain, @Nullable String taskList, String version) {

}
