package io.github.swfheartbeat.core;

/**
 * Work that runs while its activity task is heartbeated, see
 * {@link HeartbeatTemplate#execute(String, HeartbeatCallback)}.
 *
 * @param <T> the result type
 */
@FunctionalInterface
public interface HeartbeatCallback<T> {

	/**
	 * Runs the work.
	 * @param context the task's heartbeat context
	 * @return the result
	 */
	T doWithHeartbeat(HeartbeatContext context);

}
