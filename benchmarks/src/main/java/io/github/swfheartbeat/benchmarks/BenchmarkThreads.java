package io.github.swfheartbeat.benchmarks;

import java.util.concurrent.Executor;

/**
 * Threads of the harness itself, named {@code benchmark-*} so that {@link ClientCpu} leaves them
 * out of the client's CPU time.
 */
final class BenchmarkThreads {

	private BenchmarkThreads() {
	}

	/**
	 * Returns an executor that runs each task on a new daemon thread of that name.
	 */
	static Executor named(String name) {
		return (runnable) -> {
			Thread thread = new Thread(runnable, "benchmark-" + name);
			thread.setDaemon(true);
			thread.start();
		};
	}

}
