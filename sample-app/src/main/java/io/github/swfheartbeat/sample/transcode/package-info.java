/**
 * What the application knows of each transcode: state, progress, heartbeats, cancellation and loss.
 */
@NullMarked
package io.github.swfheartbeat.sample.transcode;

import org.jspecify.annotations.NullMarked;
