package io.github.swfheartbeat.sample.worker;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;

import io.github.swfheartbeat.core.ActivityCancellationRequestedException;
import io.github.swfheartbeat.core.ActivityTaskLostException;
import io.github.swfheartbeat.core.TaskLossReason;
import io.github.swfheartbeat.core.TaskTokenFingerprint;
import io.github.swfheartbeat.sample.config.SampleProperties;
import io.github.swfheartbeat.sample.polling.LongPollLoop;
import io.github.swfheartbeat.sample.transcode.TranscodeRegistry;
import io.github.swfheartbeat.sample.workflow.TranscodeJob;
import io.github.swfheartbeat.sample.workflow.TranscodeTypes;
import io.github.swfheartbeat.sample.workflow.TranscodeWorkflows;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.swf.SwfAsyncClient;
import software.amazon.awssdk.services.swf.SwfClient;
import software.amazon.awssdk.services.swf.model.PollForActivityTaskResponse;
import software.amazon.awssdk.services.swf.model.UnknownResourceException;

import org.springframework.stereotype.Component;

/**
 * The activity worker: long-polls the transcode task list, runs each task through
 * {@link TranscodeActivity} and tells SWF how it ended. When the application stops, running
 * transcodes are interrupted and responded failed, so that their workflows do not wait for a
 * heartbeat timeout.
 */
@Component
public class ActivityWorker extends LongPollLoop<PollForActivityTaskResponse> {

	private static final Logger logger = LoggerFactory.getLogger(ActivityWorker.class);

	private static final String IDENTITY = "swf-heartbeat-sample-worker";

	private final SwfAsyncClient swfAsync;

	private final SwfClient swf;

	private final TranscodeTypes types;

	private final TranscodeActivity activity;

	private final TranscodeWorkflows workflows;

	private final TranscodeRegistry registry;

	ActivityWorker(SwfAsyncClient swfAsync, SwfClient swf, TranscodeTypes types, TranscodeActivity activity,
			TranscodeWorkflows workflows, TranscodeRegistry registry, SampleProperties properties) {
		// Transcodes take tens of seconds: interrupt them at once rather than hold the shutdown.
		super("transcode-worker", properties.getWorker().getConcurrency(), Duration.ZERO);
		this.swfAsync = swfAsync;
		this.swf = swf;
		this.types = types;
		this.activity = activity;
		this.workflows = workflows;
		this.registry = registry;
	}

	@Override
	protected CompletableFuture<PollForActivityTaskResponse> poll() {
		return this.swfAsync.pollForActivityTask((request) -> request.domain(this.types.domain())
			.taskList(this.types.taskList())
			.identity(IDENTITY));
	}

	@Override
	protected @Nullable String taskToken(PollForActivityTaskResponse answer) {
		return answer.taskToken();
	}

	@Override
	protected void handle(PollForActivityTaskResponse task) {
		String id = task.workflowExecution().workflowId();
		TranscodeJob job;
		try {
			job = this.workflows.readJob(task.input());
		}
		catch (RuntimeException ex) {
			respondFailed(task, id, "invalid-input", ex.getMessage());
			return;
		}
		this.registry.started(task, job.video());
		logger.info("Transcoding {} for {} (activity task {})", job.video(), id, TaskTokenFingerprint.of(task.taskToken()));
		try {
			String result = this.activity.transcode(task, job);
			this.swf.respondActivityTaskCompleted((request) -> request.taskToken(task.taskToken()).result(result));
			this.registry.completed(id, result);
			logger.info("Transcode {} completed", id);
		}
		catch (ActivityCancellationRequestedException ex) {
			// @HeartbeatingActivity(respondCanceled = true) has responded canceled already.
			this.registry.canceled(id, ex.getDetails());
			logger.info("Transcode {} stopped at {} and responded canceled", id, ex.getDetails());
		}
		catch (ActivityTaskLostException ex) {
			this.registry.lost(id, ex.getReason());
			logger.warn("Transcode {} stopped: its task is lost ({})", id, ex.getReason().description());
		}
		catch (UnknownResourceException ex) {
			// SWF closed the task (a timeout) between the last heartbeat and the answer.
			this.registry.lost(id, TaskLossReason.UNKNOWN_RESOURCE);
			logger.warn("Transcode {} finished but SWF no longer knew its task", id);
		}
		catch (InterruptedException ex) {
			respondFailed(task, id, "worker-stopped", "The worker stopped while the transcode ran");
		}
		catch (RuntimeException ex) {
			respondFailed(task, id, ex.getClass().getSimpleName(), String.valueOf(ex.getMessage()));
		}
	}

	private void respondFailed(PollForActivityTaskResponse task, String id, String reason, String details) {
		this.registry.failed(id, reason + ": " + details);
		logger.warn("Transcode {} failed: {}: {}", id, reason, details);
		// Answer even when stopping: clear the interrupt, which would abort the call.
		boolean interrupted = Thread.interrupted();
		try {
			this.swf.respondActivityTaskFailed((request) -> request.taskToken(task.taskToken())
				.reason(reason)
				.details(details));
		}
		catch (RuntimeException ex) {
			logger.warn("Could not respond failed for transcode {}: {}", id, ex.toString());
		}
		finally {
			if (interrupted) {
				Thread.currentThread().interrupt();
			}
		}
	}

}
