package io.github.swfheartbeat.benchmarks;

import io.github.swfheartbeat.test.StartedActivity;

/**
 * One way of keeping activity tasks alive, measured against another in the same run: the engine,
 * or the baseline most applications write today. What it sees (lateness, cancellation requests,
 * lost tasks) goes to its {@link KeepAliveLog}.
 */
interface KeepAlive extends AutoCloseable {

	/**
	 * Returns the name shown in reports.
	 */
	String name();

	/**
	 * Starts heartbeating a task until {@link #close()}.
	 * @param task the task, started on the endpoint
	 */
	void keep(StartedActivity task);

	/**
	 * Returns what this approach saw.
	 */
	KeepAliveLog log();

	/**
	 * Stops every heartbeat and releases the clients and threads.
	 */
	@Override
	void close();

}
