package io.github.swfheartbeat.core;

import java.util.concurrent.CompletableFuture;

import org.jspecify.annotations.Nullable;

/**
 * What {@link HeartbeatTemplate} needs from a heartbeat engine. Implemented by
 * {@code io.github.swfheartbeat.engine.HeartbeatEngine}; other implementations are for tests.
 */
public interface HeartbeatService {

	/**
	 * Starts heartbeating a task in the background.
	 * @param taskToken the task's token
	 * @param options per-task options
	 * @return the handle that stops the heartbeats when closed
	 * @throws IllegalArgumentException if the token is invalid
	 * @throws IllegalStateException if the service is shutting down
	 */
	HeartbeatHandle start(String taskToken, HeartbeatOptions options);

	/**
	 * Records one heartbeat now.
	 * @param taskToken the task's token
	 * @param details details to send, may be {@code null}
	 * @param activityTask what is known about the task
	 * @return a future completed with whether cancellation was requested, or exceptionally with
	 * {@link ActivityTaskLostException} or {@link HeartbeatException}
	 * @throws IllegalArgumentException if the token or details are invalid
	 */
	CompletableFuture<Boolean> heartbeatOnce(String taskToken, @Nullable String details, ActivityTaskInfo activityTask);

}
