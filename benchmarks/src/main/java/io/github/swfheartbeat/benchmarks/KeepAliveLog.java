package io.github.swfheartbeat.benchmarks;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What one approach saw while it kept tasks alive: how late each heartbeat went out against its
 * plan (recorded only while a window is open), when it learned of each task's cancellation
 * request, and which tasks it reported lost and why. Written from the approach's threads.
 */
final class KeepAliveLog {

	private static final LatencyRecorder CLOSED = new LatencyRecorder(0);

	private volatile LatencyRecorder lateness = CLOSED;

	private final Map<String, Long> cancellationsSeen = new ConcurrentHashMap<>();

	private final Map<String, Loss> losses = new ConcurrentHashMap<>();

	/**
	 * Starts recording lateness.
	 * @param capacity how many values to keep
	 */
	void openWindow(int capacity) {
		this.lateness = new LatencyRecorder(capacity);
	}

	/**
	 * Stops recording lateness.
	 * @return what the window recorded
	 */
	LatencyRecorder closeWindow() {
		LatencyRecorder recorded = this.lateness;
		this.lateness = CLOSED;
		return recorded;
	}

	void lateness(long nanos) {
		this.lateness.record(nanos);
	}

	void cancellationSeen(String taskToken, long atNanos) {
		this.cancellationsSeen.putIfAbsent(taskToken, atNanos);
	}

	void lost(String taskToken, String reason) {
		this.losses.putIfAbsent(taskToken, new Loss(reason, System.nanoTime()));
	}

	/**
	 * Returns when each task's cancellation request was seen, by token, in {@link System#nanoTime()}.
	 */
	Map<String, Long> cancellationsSeen() {
		return this.cancellationsSeen;
	}

	/**
	 * Returns the loss reported for each lost task, by token.
	 */
	Map<String, Loss> losses() {
		return this.losses;
	}

	/**
	 * A task the approach reported lost.
	 *
	 * @param reason why, as the approach names it
	 * @param atNanos when, in {@link System#nanoTime()}
	 */
	record Loss(String reason, long atNanos) {

	}

}
