/**
 * Runs the embedded SWF endpoint in-process and points the SWF clients at it.
 */
@NullMarked
package io.github.swfheartbeat.sample.embedded;

import org.jspecify.annotations.NullMarked;
