/**
 * The heartbeat engine: one scheduler thread for every active task, deadline-aware send
 * planning, a shared adaptive rate limit, and the SWF transport. Plain Java: nothing here depends
 * on Spring.
 */
@NullMarked
package io.github.swfheartbeat.engine;

import org.jspecify.annotations.NullMarked;
