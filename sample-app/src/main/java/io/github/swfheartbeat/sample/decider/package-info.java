/**
 * The workflow's decider: polls decision tasks and decides from the execution's history.
 */
@NullMarked
package io.github.swfheartbeat.sample.decider;

import org.jspecify.annotations.NullMarked;
