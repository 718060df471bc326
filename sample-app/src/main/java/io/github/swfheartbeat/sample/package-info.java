/**
 * A sample activity worker that shows what swf-heartbeat-starter does: transcodes that heartbeat,
 * report progress, can be cancelled or lost, on an embedded SWF endpoint or on Amazon SWF.
 */
@NullMarked
package io.github.swfheartbeat.sample;

import org.jspecify.annotations.NullMarked;
