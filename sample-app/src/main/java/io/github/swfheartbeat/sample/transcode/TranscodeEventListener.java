package io.github.swfheartbeat.sample.transcode;

import io.github.swfheartbeat.event.ActivityCancellationRequestedEvent;
import io.github.swfheartbeat.event.ActivityTaskEvent;
import io.github.swfheartbeat.event.ActivityTaskLostEvent;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Logs the engine's cancellation requests and lost tasks and records them in the
 * {@link TranscodeRegistry}. The running activity sees the same news through its
 * {@code HeartbeatContext} and stops by itself.
 */
@Component
class TranscodeEventListener {

	private static final Logger logger = LoggerFactory.getLogger(TranscodeEventListener.class);

	private final TranscodeRegistry registry;

	TranscodeEventListener(TranscodeRegistry registry) {
		this.registry = registry;
	}

	@EventListener
	void onCancellationRequested(ActivityCancellationRequestedEvent event) {
		logger.info("Cancellation requested for transcode {} (activity task {}) at {}", transcodeId(event),
				event.getTaskTokenFingerprint(), event.getLastDetails());
		String id = transcodeId(event);
		if (id != null) {
			this.registry.cancellationNoticed(id, event.getOccurredAt());
		}
	}

	@EventListener
	void onTaskLost(ActivityTaskLostEvent event) {
		logger.warn("Transcode {} lost its activity task {}: {}", transcodeId(event), event.getTaskTokenFingerprint(),
				event.getReason().description());
		String id = transcodeId(event);
		if (id != null) {
			this.registry.lost(id, event.getReason());
		}
	}

	private static @Nullable String transcodeId(ActivityTaskEvent event) {
		return event.getActivityTask().workflowId();
	}

}
