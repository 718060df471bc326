package io.github.swfheartbeat.worker;

import io.github.swfheartbeat.core.HeartbeatContext;

/**
 * The {@link HeartbeatContext} of an {@link SwfActivity @SwfActivity} method's task, with an
 * explicit progress report for stall detection. {@link HeartbeatContext#current()} returns it
 * while the method runs.
 */
public interface SwfActivityContext extends HeartbeatContext {

	/**
	 * Tells the stall detection that the work made progress, without changing the heartbeat
	 * details ({@link #setDetails(String)} counts as progress too).
	 */
	void reportProgress();

}
