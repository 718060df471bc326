/**
 * The activity worker: an {@code @SwfActivity} method that the starter's listener container runs.
 */
@NullMarked
package io.github.swfheartbeat.sample.worker;

import org.jspecify.annotations.NullMarked;
