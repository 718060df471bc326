/**
 * Activity workers from annotations: {@link io.github.swfheartbeat.worker.SwfActivity @SwfActivity}
 * methods, collected into one listener container per domain and task list that polls, heartbeats
 * from the poll, runs the method and responds.
 */
@NullMarked
package io.github.swfheartbeat.worker;

import org.jspecify.annotations.NullMarked;
