package io.github.swfheartbeat.benchmarks;

import java.lang.management.ManagementFactory;

/**
 * Heap in use after full collections, to compare the heap with and without an approach's tasks.
 */
final class HeapUsage {

	private HeapUsage() {
	}

	/**
	 * Collects garbage until the used heap stops shrinking, then returns it.
	 * @return bytes in use
	 */
	static long afterGc() {
		long used = Long.MAX_VALUE;
		for (int i = 0; i < 5; i++) {
			System.gc();
			long now = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
			if (now >= used - 64 * 1024) {
				return Math.min(used, now);
			}
			used = now;
		}
		return used;
	}

}
