package io.github.swfheartbeat.sample.worker;

import io.github.swfheartbeat.aspect.HeartbeatingActivity;
import io.github.swfheartbeat.core.ActivityTaskLostException;
import io.github.swfheartbeat.core.HeartbeatContext;
import io.github.swfheartbeat.core.TaskLossReason;
import io.github.swfheartbeat.sample.transcode.TranscodeRegistry;
import io.github.swfheartbeat.sample.workflow.TranscodeJob;
import software.amazon.awssdk.services.swf.model.PollForActivityTaskResponse;

import org.springframework.stereotype.Component;

/**
 * The transcode activity: simulates transcoding a video in steps and reports its progress as the
 * heartbeat details. {@code @HeartbeatingActivity} keeps its task alive while it runs, and
 * responds canceled for it when it stops on a cancellation request.
 */
@Component
public class TranscodeActivity {

	private final TranscodeRegistry registry;

	TranscodeActivity(TranscodeRegistry registry) {
		this.registry = registry;
	}

	/**
	 * Transcodes the video of a task.
	 * @param task the polled activity task
	 * @param job what to transcode, read from the task's input
	 * @return the activity's result
	 * @throws InterruptedException if the worker stops meanwhile
	 * @throws io.github.swfheartbeat.core.ActivityCancellationRequestedException if the workflow
	 * asked to cancel the task; the task was then responded canceled
	 * @throws ActivityTaskLostException if SWF no longer accepts the task
	 */
	@HeartbeatingActivity(maxCancellationLatency = "${sample.transcode.max-cancellation-latency}",
			respondCanceled = true)
	public String transcode(PollForActivityTaskResponse task, TranscodeJob job) throws InterruptedException {
		HeartbeatContext heartbeat = HeartbeatContext.current();
		String transcodeId = task.workflowExecution().workflowId();
		for (int step = 1; step <= job.steps(); step++) {
			Thread.sleep(job.stepDuration().toMillis());
			// A step is where this work can stop cleanly.
			heartbeat.throwIfCancellationRequested();
			if (heartbeat.isLost()) {
				TaskLossReason reason = heartbeat.whenLost().toCompletableFuture().getNow(TaskLossReason.UNKNOWN_RESOURCE);
				throw new ActivityTaskLostException(heartbeat.taskTokenFingerprint(), reason, null);
			}
			int percent = step * 100 / job.steps();
			String details = percent + "%";
			heartbeat.setDetails(details);
			this.registry.progress(transcodeId, percent, details);
		}
		return job.video() + " transcoded in " + job.steps() + " steps";
	}

}
