package io.github.swfheartbeat.core;

/**
 * A task the engine heartbeats until the handle is closed; for asynchronous code that cannot use
 * a scoped callback. Closing is idempotent. When several handles exist for the same task token
 * (nested calls), heartbeats stop when the last one is closed.
 */
public interface HeartbeatHandle extends HeartbeatContext, AutoCloseable {

	/**
	 * Stops heartbeating the task for this handle.
	 */
	@Override
	void close();

}
