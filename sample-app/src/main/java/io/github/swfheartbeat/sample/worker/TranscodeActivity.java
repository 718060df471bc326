package io.github.swfheartbeat.sample.worker;

import io.github.swfheartbeat.core.ActivityCancellationRequestedException;
import io.github.swfheartbeat.core.ActivityTaskLostException;
import io.github.swfheartbeat.core.TaskLossReason;
import io.github.swfheartbeat.sample.transcode.TranscodeRegistry;
import io.github.swfheartbeat.sample.workflow.TranscodeJob;
import io.github.swfheartbeat.sample.workflow.TranscodeTypes;
import io.github.swfheartbeat.worker.SwfActivity;
import io.github.swfheartbeat.worker.SwfActivityContext;
import software.amazon.awssdk.services.swf.model.PollForActivityTaskResponse;

import org.springframework.stereotype.Component;

/**
 * The transcode activity: simulates transcoding a video in steps and reports its progress as the
 * heartbeat details. The starter polls its task list ({@code swf.worker.*}), heartbeats each task
 * from its poll, reads the {@link TranscodeJob} from the task's JSON input and responds: completed
 * with the returned text, canceled when it stops on a cancellation request, failed when it throws.
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
	 * @param heartbeat the task's heartbeat context
	 * @return the activity's result
	 * @throws InterruptedException if the worker stops meanwhile
	 */
	@SwfActivity(name = TranscodeTypes.ACTIVITY_TYPE, version = "${sample.transcode.version}",
			maxCancellationLatency = "${sample.transcode.max-cancellation-latency}")
	public String transcode(PollForActivityTaskResponse task, TranscodeJob job, SwfActivityContext heartbeat)
			throws InterruptedException {
		String transcodeId = task.workflowExecution().workflowId();
		this.registry.started(task, job.video());
		try {
			for (int step = 1; step <= job.steps(); step++) {
				Thread.sleep(job.stepDuration().toMillis());
				// A step is where this work can stop cleanly.
				heartbeat.throwIfCancellationRequested();
				if (heartbeat.isLost()) {
					TaskLossReason reason = heartbeat.whenLost().toCompletableFuture()
						.getNow(TaskLossReason.UNKNOWN_RESOURCE);
					throw new ActivityTaskLostException(heartbeat.taskTokenFingerprint(), reason, null);
				}
				int percent = step * 100 / job.steps();
				String details = percent + "%";
				heartbeat.setDetails(details);
				this.registry.progress(transcodeId, percent, details);
			}
		}
		catch (ActivityCancellationRequestedException ex) {
			this.registry.canceled(transcodeId, ex.getDetails());
			throw ex;
		}
		catch (InterruptedException ex) {
			this.registry.failed(transcodeId, "worker-stopped: The worker stopped while the transcode ran");
			throw ex;
		}
		String result = job.video() + " transcoded in " + job.steps() + " steps";
		this.registry.completed(transcodeId, result);
		return result;
	}

}
