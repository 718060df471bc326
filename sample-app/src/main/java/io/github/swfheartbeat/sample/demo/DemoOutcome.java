package io.github.swfheartbeat.sample.demo;

import io.github.swfheartbeat.sample.transcode.TranscodeState;
import org.jspecify.annotations.Nullable;

/**
 * How one transcode of the demo ended.
 *
 * @param transcodeId the transcode's id, its workflow id
 * @param runId the run id of its workflow execution
 * @param video the video
 * @param expected the state the scenario meant it to end in
 * @param state the state it ended in
 * @param workflowCloseStatus how SWF closed its workflow execution, or {@code null} if it did not
 * @param heartbeats heartbeats SWF recorded for its activity task
 * @param durationMillis how long its activity ran
 * @param cancellationLatencyMillis milliseconds from the cancellation request to the worker
 * learning of it, or {@code null} when not cancelled
 */
public record DemoOutcome(String transcodeId, String runId, String video, TranscodeState expected,
		TranscodeState state, @Nullable String workflowCloseStatus, long heartbeats, long durationMillis,
		@Nullable Long cancellationLatencyMillis) {

	/**
	 * Whether it ended as the scenario meant and SWF closed its workflow to match; a completed
	 * transcode must have heartbeated, a cancelled one must have learned of its cancellation.
	 * @return whether it went as expected
	 */
	public boolean asExpected() {
		return this.state == this.expected && expectedCloseStatus().equals(this.workflowCloseStatus)
				&& (this.expected != TranscodeState.COMPLETED || this.heartbeats > 0)
				&& (this.expected != TranscodeState.CANCELED || this.cancellationLatencyMillis != null);
	}

	/**
	 * Returns the close status the decider gives a workflow whose activity ended as expected.
	 * @return the close status
	 */
	String expectedCloseStatus() {
		return switch (this.expected) {
			case COMPLETED -> "COMPLETED";
			case CANCELED -> "CANCELED";
			default -> "FAILED";
		};
	}

}
