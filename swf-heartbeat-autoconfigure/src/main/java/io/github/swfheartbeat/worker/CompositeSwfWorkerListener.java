package io.github.swfheartbeat.worker;

import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Passes what containers do on to several listeners; one that throws does not keep the others
 * from hearing it.
 */
public final class CompositeSwfWorkerListener implements SwfWorkerListener {

	private static final Logger logger = LoggerFactory.getLogger(CompositeSwfWorkerListener.class);

	private final List<SwfWorkerListener> listeners;

	/**
	 * Creates a composite.
	 * @param listeners the listeners, in order
	 */
	public CompositeSwfWorkerListener(List<SwfWorkerListener> listeners) {
		this.listeners = List.copyOf(listeners);
	}

	@Override
	public void containerStarted(SwfActivityContainer container) {
		each((listener) -> listener.containerStarted(container));
	}

	@Override
	public void pollEnded(SwfActivityContainer container, PollOutcome outcome) {
		each((listener) -> listener.pollEnded(container, outcome));
	}

	@Override
	public void taskEnded(SwfActivityEndpoint endpoint, ActivityTaskOutcome outcome, Duration duration) {
		each((listener) -> listener.taskEnded(endpoint, outcome, duration));
	}

	@Override
	public void taskStalled(SwfActivityEndpoint endpoint, String taskTokenFingerprint, Duration sinceProgress) {
		each((listener) -> listener.taskStalled(endpoint, taskTokenFingerprint, sinceProgress));
	}

	private void each(Consumer<SwfWorkerListener> event) {
		for (SwfWorkerListener listener : this.listeners) {
			try {
				event.accept(listener);
			}
			catch (RuntimeException ex) {
				logger.warn("Worker listener {} failed", listener, ex);
			}
		}
	}

}
