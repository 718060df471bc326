/**
 * The {@link io.github.swfheartbeat.aspect.HeartbeatingActivity @HeartbeatingActivity} annotation and the
 * aspect that heartbeats an annotated method's activity task while the method runs.
 */
@NullMarked
package io.github.swfheartbeat.aspect;

import org.jspecify.annotations.NullMarked;
