/**
 * The activity worker: polls activity tasks and runs them through an `@HeartbeatingActivity` method.
 */
@NullMarked
package io.github.swfheartbeat.sample.worker;

import org.jspecify.annotations.NullMarked;
