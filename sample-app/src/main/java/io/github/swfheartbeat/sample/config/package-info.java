/**
 * Typed configuration of the sample application (`sample.*`).
 */
@NullMarked
package io.github.swfheartbeat.sample.config;

import org.jspecify.annotations.NullMarked;
