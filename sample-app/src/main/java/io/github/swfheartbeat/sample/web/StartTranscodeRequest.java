package io.github.swfheartbeat.sample.web;

import org.jspecify.annotations.Nullable;

/**
 * The body of a request to start a transcode; every part is optional.
 *
 * @param video the video to transcode; a sample name when absent
 * @param steps the number of steps; {@code sample.transcode.steps} when absent
 * @param stepMillis milliseconds each step takes; {@code sample.transcode.step-duration} when absent
 */
public record StartTranscodeRequest(@Nullable String video, @Nullable Integer steps, @Nullable Long stepMillis) {

}
