package io.github.swfheartbeat.event;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

import io.github.swfheartbeat.core.TaskLossReason;
import io.github.swfheartbeat.engine.HeartbeatListener;
import io.github.swfheartbeat.engine.TaskSnapshot;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.ApplicationEvent;
import org.springframework.context.ApplicationEventPublisher;

/**
 * Publishes the engine's cancellation requests and lost tasks as Spring application events:
 * {@link ActivityCancellationRequestedEvent} and {@link ActivityTaskLostEvent}.
 * <p>
 * The engine calls a listener on a lane of its own, off its scheduler thread, so a slow or failing
 * {@code @EventListener} never delays heartbeats. The engine reports each task once; this
 * publisher also remembers recently reported tokens, so that a task heartbeated again under the
 * same token (a second call for it after the first ended) is not reported twice.
 */
public class HeartbeatEventPublisher implements HeartbeatListener {

	private static final Logger logger = LoggerFactory.getLogger(HeartbeatEventPublisher.class);

	/** Tokens remembered per kind of event; SWF issues a new token for every task. */
	private static final int REMEMBERED_TASKS = 10_000;

	private final ApplicationEventPublisher publisher;

	private final RecentTokens cancellations = new RecentTokens(REMEMBERED_TASKS);

	private final RecentTokens losses = new RecentTokens(REMEMBERED_TASKS);

	/**
	 * Creates the publisher.
	 * @param publisher where to publish the events
	 */
	public HeartbeatEventPublisher(ApplicationEventPublisher publisher) {
		this.publisher = Objects.requireNonNull(publisher, "publisher must not be null");
	}

	@Override
	public void onCancellationRequested(TaskSnapshot task) {
		if (this.cancellations.add(task.taskToken())) {
			publish(new ActivityCancellationRequestedEvent(this, task.taskToken(), task.activityTask(), task.lastDetails(),
					task.at()));
		}
	}

	@Override
	public void onTaskLost(TaskSnapshot task, TaskLossReason reason) {
		if (this.losses.add(task.taskToken())) {
			publish(new ActivityTaskLostEvent(this, task.taskToken(), task.activityTask(), task.lastDetails(), task.at(),
					reason));
		}
	}

	private void publish(ApplicationEvent event) {
		try {
			this.publisher.publishEvent(event);
		}
		catch (RuntimeException ex) {
			logger.warn("A listener of {} failed; heartbeats continue", event, ex);
		}
	}

	@Override
	public String toString() {
		return "HeartbeatEventPublisher";
	}

	/**
	 * The most recently added tokens, oldest forgotten first. Kept as SHA-256 digests: a token
	 * can be a kilobyte long, and it is a credential that has no business staying in memory.
	 */
	private static final class RecentTokens {

		private final Map<String, Boolean> tokens;

		RecentTokens(int capacity) {
			this.tokens = new LinkedHashMap<>(16, 0.75f, false) {

				@Override
				protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
					return size() > capacity;
				}

			};
		}

		boolean add(String token) {
			String digest = digest(token);
			synchronized (this) {
				return this.tokens.putIfAbsent(digest, Boolean.TRUE) == null;
			}
		}

		private static String digest(String token) {
			try {
				MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
				return HexFormat.of().formatHex(sha256.digest(token.getBytes(StandardCharsets.UTF_8)));
			}
			catch (NoSuchAlgorithmException ex) {
				// Every Java platform is required to support SHA-256.
				throw new IllegalStateException(ex);
			}
		}

	}

}
