/**
 * Public API for heartbeating Amazon SWF activity tasks: {@link io.github.swfheartbeat.core.HeartbeatTemplate},
 * {@link io.github.swfheartbeat.core.HeartbeatContext} and the options, results and exceptions they use.
 * Plain Java: nothing here depends on Spring.
 */
@NullMarked
package io.github.swfheartbeat.core;

import org.jspecify.annotations.NullMarked;
