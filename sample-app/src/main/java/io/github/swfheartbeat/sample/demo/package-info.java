/**
 * The scripted demo: runs a fixed scenario on the embedded SWF endpoint, prints a summary and exits.
 */
@NullMarked
package io.github.swfheartbeat.sample.demo;

import org.jspecify.annotations.NullMarked;
