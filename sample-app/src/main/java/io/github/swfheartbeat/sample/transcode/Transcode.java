package io.github.swfheartbeat.sample.transcode;

import java.time.Duration;
import java.time.Instant;

import io.github.swfheartbeat.core.TaskTokenFingerprint;
import org.jspecify.annotations.Nullable;

/**
 * The mutable record of one transcode in the {@link TranscodeRegistry}. Every method is
 * synchronized: the worker, the engine's listeners and web requests update and read it from
 * their own threads.
 */
final class Transcode {

	private final String id;

	private final Instant createdAt;

	private @Nullable String runId;

	private String video;

	private TranscodeState state = TranscodeState.SCHEDULED;

	private int progress;

	private @Nullable String details;

	// A credential for the task: kept for the embedded endpoint's time-out injection, never shown.
	private @Nullable String taskToken;

	private @Nullable String taskFingerprint;

	private long heartbeatsSent;

	private @Nullable Instant lastHeartbeatAt;

	private @Nullable Instant startedAt;

	private @Nullable Instant endedAt;

	private @Nullable Instant cancelRequestedAt;

	private @Nullable Instant cancellationNoticedAt;

	private @Nullable String outcome;

	Transcode(String id, String video, Instant createdAt) {
		this.id = id;
		this.video = video;
		this.createdAt = createdAt;
	}

	synchronized void scheduled(String runId, String video) {
		this.runId = runId;
		this.video = video;
	}

	synchronized void started(String runId, String taskToken, Instant at) {
		this.runId = runId;
		this.taskToken = taskToken;
		this.taskFingerprint = TaskTokenFingerprint.of(taskToken);
		this.startedAt = at;
		if (this.state == TranscodeState.SCHEDULED) {
			this.state = TranscodeState.RUNNING;
		}
	}

	synchronized void progress(int percent, @Nullable String details) {
		this.progress = Math.max(this.progress, Math.min(100, percent));
		this.details = details;
	}

	synchronized void heartbeatRecorded(Instant at) {
		this.heartbeatsSent++;
		this.lastHeartbeatAt = at;
	}

	synchronized boolean cancelRequested(Instant at) {
		if (this.state.isFinished()) {
			return false;
		}
		if (this.cancelRequestedAt == null) {
			this.cancelRequestedAt = at;
		}
		return true;
	}

	synchronized void cancellationNoticed(Instant at) {
		if (this.cancellationNoticedAt == null) {
			this.cancellationNoticedAt = at;
		}
	}

	/**
	 * Ends the transcode; the first end wins, as a lost task may be reported by the engine's event
	 * and again by the worker.
	 */
	synchronized void finish(TranscodeState finalState, @Nullable String outcome, Instant at) {
		if (this.state.isFinished()) {
			return;
		}
		this.state = finalState;
		this.outcome = outcome;
		this.endedAt = at;
		this.taskToken = null;
		if (finalState == TranscodeState.COMPLETED) {
			this.progress = 100;
		}
	}

	synchronized boolean isFinished() {
		return this.state.isFinished();
	}

	synchronized Instant createdAt() {
		return this.createdAt;
	}

	synchronized @Nullable String runningTaskToken() {
		return (this.state == TranscodeState.RUNNING) ? this.taskToken : null;
	}

	synchronized TranscodeView view(Instant now) {
		Long heartbeatAge = (this.lastHeartbeatAt != null) ? millisBetween(this.lastHeartbeatAt, now) : null;
		long duration = (this.startedAt != null)
				? millisBetween(this.startedAt, (this.endedAt != null) ? this.endedAt : now) : 0;
		Long cancellationLatency = (this.cancelRequestedAt != null && this.cancellationNoticedAt != null)
				? millisBetween(this.cancelRequestedAt, this.cancellationNoticedAt) : null;
		return new TranscodeView(this.id, this.runId, this.video, this.state, this.cancelRequestedAt != null,
				this.progress, this.details, this.taskFingerprint, this.heartbeatsSent, heartbeatAge, duration,
				cancellationLatency, this.outcome);
	}

	private static long millisBetween(Instant from, Instant to) {
		return Math.max(0, Duration.between(from, to).toMillis());
	}

}
