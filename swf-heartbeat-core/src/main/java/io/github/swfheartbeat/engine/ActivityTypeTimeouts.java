package io.github.swfheartbeat.engine;

import java.time.Duration;

import org.jspecify.annotations.Nullable;

/**
 * The default timeouts an activity type was registered with, as {@code DescribeActivityType}
 * reports them.
 *
 * @param heartbeatTimeout the type's default heartbeat timeout, {@code null} for none
 * @param startToCloseTimeout the type's default start-to-close timeout, {@code null} for none
 */
public record ActivityTypeTimeouts(@Nullable Duration heartbeatTimeout, @Nullable Duration startToCloseTimeout) {

}
