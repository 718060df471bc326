package io.github.swfheartbeat.worker;

import java.time.Duration;

import org.springframework.context.ApplicationEventPublisher;

/**
 * Publishes stalled tasks as {@link ActivityTaskStalledEvent}s.
 */
public final class SwfWorkerEventPublisher implements SwfWorkerListener {

	private final ApplicationEventPublisher publisher;

	/**
	 * Creates a publisher.
	 * @param publisher the application's event publisher
	 */
	public SwfWorkerEventPublisher(ApplicationEventPublisher publisher) {
		this.publisher = publisher;
	}

	@Override
	public void taskStalled(SwfActivityEndpoint endpoint, String taskTokenFingerprint, Duration sinceProgress) {
		this.publisher.publishEvent(new ActivityTaskStalledEvent(endpoint, taskTokenFingerprint, sinceProgress));
	}

}
