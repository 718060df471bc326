package io.github.swfheartbeat.sample.transcode;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

import io.github.swfheartbeat.core.TaskLossReason;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.services.swf.model.PollForActivityTaskResponse;

import org.springframework.stereotype.Component;

/**
 * What this application knows of each transcode, in memory: fed by the workflow client, the
 * worker, the activity's progress, the engine's heartbeats and the cancellation and lost-task
 * events. Transcodes are identified by their workflow id. Finished transcodes beyond
 * {@value #MAX_FINISHED} are forgotten, oldest first.
 */
@Component
public class TranscodeRegistry {

	static final int MAX_FINISHED = 100;

	private final Map<String, Transcode> transcodes = new LinkedHashMap<>();

	private final Clock clock;

	/**
	 * Creates a registry on the system clock.
	 */
	public TranscodeRegistry() {
		this(Clock.systemUTC());
	}

	TranscodeRegistry(Clock clock) {
		this.clock = clock;
	}

	/**
	 * Records a transcode whose workflow execution was started.
	 * @param id the workflow id
	 * @param runId the run id
	 * @param video the video
	 */
	public void scheduled(String id, String runId, String video) {
		transcode(id, video).scheduled(runId, video);
	}

	/**
	 * Records that a worker received the transcode's activity task.
	 * @param task the polled task
	 * @param video the video, from the task's input
	 */
	public void started(PollForActivityTaskResponse task, String video) {
		transcode(task.workflowExecution().workflowId(), video).started(task.workflowExecution().runId(),
				task.taskToken(), now());
	}

	/**
	 * Records the activity's progress.
	 * @param id the workflow id
	 * @param percent percent done
	 * @param details the details set for the next heartbeat
	 */
	public void progress(String id, int percent, @Nullable String details) {
		update(id, (transcode) -> transcode.progress(percent, details));
	}

	/**
	 * Records a heartbeat SWF recorded for the transcode's task.
	 * @param id the workflow id
	 * @param at when SWF answered
	 */
	public void heartbeatRecorded(String id, Instant at) {
		update(id, (transcode) -> transcode.heartbeatRecorded(at));
	}

	/**
	 * Records that the application asked to cancel the transcode.
	 * @param id the workflow id
	 * @return whether the transcode is known and not finished
	 */
	public boolean cancelRequested(String id) {
		Transcode transcode = find(id);
		return transcode != null && transcode.cancelRequested(now());
	}

	/**
	 * Records that the worker learned of the cancellation request from a heartbeat.
	 * @param id the workflow id
	 * @param at when the engine learned of it
	 */
	public void cancellationNoticed(String id, Instant at) {
		update(id, (transcode) -> transcode.cancellationNoticed(at));
	}

	/**
	 * Records that the transcode completed.
	 * @param id the workflow id
	 * @param result the activity's result
	 */
	public void completed(String id, String result) {
		finish(id, TranscodeState.COMPLETED, result);
	}

	/**
	 * Records that the transcode stopped on a cancellation request and responded canceled.
	 * @param id the workflow id
	 * @param details the last progress details
	 */
	public void canceled(String id, @Nullable String details) {
		finish(id, TranscodeState.CANCELED, "canceled at " + ((details != null) ? details : "0%"));
	}

	/**
	 * Records that SWF no longer accepts the transcode's task.
	 * @param id the workflow id
	 * @param reason why
	 */
	public void lost(String id, TaskLossReason reason) {
		finish(id, TranscodeState.LOST, "task lost: " + reason.name().toLowerCase(Locale.ROOT).replace('_', ' '));
	}

	/**
	 * Records that the transcode failed.
	 * @param id the workflow id
	 * @param reason why
	 */
	public void failed(String id, String reason) {
		finish(id, TranscodeState.FAILED, reason);
	}

	/**
	 * Returns the task token of a running transcode. The token is a credential for the task:
	 * use it, never show or log it.
	 * @param id the workflow id
	 * @return the token, or empty if the transcode is unknown or not running
	 */
	public Optional<String> runningTaskToken(String id) {
		Transcode transcode = find(id);
		return Optional.ofNullable((transcode != null) ? transcode.runningTaskToken() : null);
	}

	/**
	 * Returns what is known of a transcode.
	 * @param id the workflow id
	 * @return its view, or empty if unknown
	 */
	public Optional<TranscodeView> view(String id) {
		Transcode transcode = find(id);
		return Optional.ofNullable((transcode != null) ? transcode.view(now()) : null);
	}

	/**
	 * Returns every transcode known, newest first.
	 * @return their views
	 */
	public List<TranscodeView> views() {
		List<Transcode> all;
		synchronized (this.transcodes) {
			all = new ArrayList<>(this.transcodes.values());
		}
		Instant now = now();
		return all.stream()
			.sorted(Comparator.comparing(Transcode::createdAt).reversed())
			.map((transcode) -> transcode.view(now))
			.toList();
	}

	private void finish(String id, TranscodeState state, @Nullable String outcome) {
		update(id, (transcode) -> transcode.finish(state, outcome, now()));
		forgetOldFinished();
	}

	private void update(String id, Consumer<Transcode> change) {
		Transcode transcode = find(id);
		if (transcode != null) {
			change.accept(transcode);
		}
	}

	private @Nullable Transcode find(String id) {
		synchronized (this.transcodes) {
			return this.transcodes.get(id);
		}
	}

	private Transcode transcode(String id, String video) {
		synchronized (this.transcodes) {
			return this.transcodes.computeIfAbsent(id, (key) -> new Transcode(key, video, now()));
		}
	}

	private void forgetOldFinished() {
		synchronized (this.transcodes) {
			long finished = this.transcodes.values().stream().filter(Transcode::isFinished).count();
			Iterator<Transcode> oldestFirst = this.transcodes.values().iterator();
			while (finished > MAX_FINISHED && oldestFirst.hasNext()) {
				if (oldestFirst.next().isFinished()) {
					oldestFirst.remove();
					finished--;
				}
			}
		}
	}

	private Instant now() {
		return this.clock.instant();
	}

}
