package io.github.swfheartbeat.engine;

import io.github.swfheartbeat.core.TaskLossReason;

/**
 * Receives what the engine does. Each listener runs on its own lane off the scheduler thread, in
 * the order things happened: a listener that is slow or throws never delays heartbeats or other
 * listeners. Exceptions are logged and otherwise ignored.
 */
public interface HeartbeatListener {

	/**
	 * A task started being heartbeated.
	 * @param task the task
	 */
	default void onTaskStarted(TaskSnapshot task) {
	}

	/**
	 * A task stopped being heartbeated because its work ended (its handle was closed).
	 * @param task the task
	 */
	default void onTaskEnded(TaskSnapshot task) {
	}

	/**
	 * A heartbeat call completed. Called for every call, including retries.
	 * @param attempt the call and its result
	 */
	default void onHeartbeat(HeartbeatAttempt attempt) {
	}

	/**
	 * SWF reported that cancellation of a task was requested. Called once per task; heartbeats
	 * continue until the work ends.
	 * @param task the task
	 */
	default void onCancellationRequested(TaskSnapshot task) {
	}

	/**
	 * The engine stopped heartbeating a task before its work ended. Called once per task.
	 * @param task the task
	 * @param reason why
	 */
	default void onTaskLost(TaskSnapshot task, TaskLossReason reason) {
	}

}
