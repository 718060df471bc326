/**
 * Support for activities run by the AWS Flow Framework for Java: the task token of an
 * {@code @HeartbeatingActivity} method comes from Flow's current activity execution context.
 */
@NullMarked
package io.github.swfheartbeat.flow;

import org.jspecify.annotations.NullMarked;
