package io.github.swfheartbeat.sample.transcode;

import org.jspecify.annotations.Nullable;

/**
 * What the API and the dashboard show of a transcode. It never carries the task token, only its
 * fingerprint.
 *
 * @param id the transcode's id, which is its workflow id
 * @param runId the run id of its workflow execution, or {@code null} when not known
 * @param video the video being transcoded
 * @param state where it is in its life
 * @param cancelRequested whether cancellation was requested
 * @param progress percent done, 0 to 100
 * @param details the progress details the activity last set for its heartbeats
 * @param task fingerprint of the activity task's token, or {@code null} before a worker has it
 * @param heartbeatsSent heartbeats SWF recorded for the task
 * @param lastHeartbeatAgeMillis milliseconds since the last recorded heartbeat, or {@code null}
 * before the first
 * @param durationMillis milliseconds the activity ran, so far or in all
 * @param cancellationLatencyMillis milliseconds from the cancellation request to the worker
 * learning of it, or {@code null}
 * @param outcome the result, or why it failed, was lost or cancelled
 */
public record TranscodeView(String id, @Nullable String runId, String video, TranscodeState state,
		boolean cancelRequested, int progress, @Nullable String details, @Nullable String task, long heartbeatsSent,
		@Nullable Long lastHeartbeatAgeMillis, long durationMillis, @Nullable Long cancellationLatencyMillis,
		@Nullable String outcome) {

}
