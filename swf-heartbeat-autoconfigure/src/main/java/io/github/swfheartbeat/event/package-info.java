/**
 * Spring application events for what happens to heartbeated activity tasks: cancellation requested
 * and task lost.
 */
@NullMarked
package io.github.swfheartbeat.event;

import org.jspecify.annotations.NullMarked;
