package io.github.swfheartbeat.test.server;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * Counts the calls each operation received over HTTP, faulted, throttled or not.
 */
public final class CallCounter {

	private final Map<String, LongAdder> counts = new ConcurrentHashMap<>();

	void increment(String operation) {
		this.counts.computeIfAbsent(operation, (key) -> new LongAdder()).increment();
	}

	/**
	 * Returns how many calls of the operation arrived.
	 * @param operation the SWF operation
	 * @return the count
	 */
	public long count(String operation) {
		LongAdder count = this.counts.get(operation);
		return (count != null) ? count.sum() : 0;
	}

	/**
	 * Starts every count again from zero.
	 */
	public void reset() {
		this.counts.clear();
	}

}
