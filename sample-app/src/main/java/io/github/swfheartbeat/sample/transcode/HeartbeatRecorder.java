package io.github.swfheartbeat.sample.transcode;

import io.github.swfheartbeat.engine.HeartbeatAttempt;
import io.github.swfheartbeat.engine.HeartbeatListener;

import org.springframework.stereotype.Component;

/**
 * Counts the heartbeats SWF recorded for each transcode. The engine takes every
 * {@link HeartbeatListener} bean and calls it off its scheduler thread.
 */
@Component
class HeartbeatRecorder implements HeartbeatListener {

	private final TranscodeRegistry registry;

	HeartbeatRecorder(TranscodeRegistry registry) {
		this.registry = registry;
	}

	@Override
	public void onHeartbeat(HeartbeatAttempt attempt) {
		String id = attempt.activityTask().workflowId();
		if (id != null && attempt.outcome().isSuccess()) {
			this.registry.heartbeatRecorded(id, attempt.completedAt());
		}
	}

}
